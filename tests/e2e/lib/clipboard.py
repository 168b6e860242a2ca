"""Prints the X11 CLIPBOARD selection's text (what a user's paste would give), or nothing.

Used by the E2E suite to check what the app's "Copy" buttons really put on the system
clipboard, through GTK as any other application on the desktop would read it.
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

text = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD).wait_for_text()
sys.stdout.write(text or "")
