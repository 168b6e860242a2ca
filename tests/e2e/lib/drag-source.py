"""A tiny GTK window that offers files as a real X11 drag source (text/uri-list).

Used by the E2E suite to perform a genuine OS-level drop on the Metadesk window: xdotool
presses the mouse on this window and releases it over the app, so the drop goes through
GTK/XDND and Tauri's own WindowEvent::DragDrop path, exactly as a user's drop would.
Prints "ready" once shown and "drag-end" when the drag finishes, then exits.
"""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

uris = [Path(p).resolve().as_uri() for p in sys.argv[1:]]

window = Gtk.Window(title="metadesk-drag-source")
window.set_default_size(140, 100)
window.move(1130, 780)
source = Gtk.Button(label="drag me")
window.add(source)
source.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
source.drag_source_add_uri_targets()


def give_uris(_widget, _context, data, _info, _time):
    data.set_uris(uris)


def drag_ended(*_args):
    print("drag-end", flush=True)
    GLib.timeout_add(100, Gtk.main_quit)


source.connect("drag-data-get", give_uris)
source.connect("drag-end", drag_ended)
window.connect("destroy", Gtk.main_quit)
window.show_all()
GLib.idle_add(lambda: print("ready", flush=True) and False)
# Never outlive a broken test.
GLib.timeout_add_seconds(20, Gtk.main_quit)
Gtk.main()
