"""Asks an X11 window to close, the way a window manager does when its close button is pressed.

Sends the ICCCM close request: a WM_PROTOCOLS ClientMessage carrying WM_DELETE_WINDOW to the
window (GTK turns it into a delete-event; Tauri into WindowEvent::CloseRequested). This is NOT
`xdotool windowclose`, which calls XDestroyWindow and tears the window down without asking;
the xdotool on Debian 12 (3.20160805) has no `windowquit`. libX11 through ctypes, so nothing
beyond what GTK already needs is used.

Usage: wm-close.py WINDOW_ID   (decimal or 0x hex, e.g. from `xdotool search --name Metadesk`)
Exits 0 once the request is sent; 1 with a message when the window does not take it.
"""
import ctypes
import ctypes.util
import sys

Window = Atom = ctypes.c_ulong


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", Window),
        ("message_type", Atom),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    # XEvent is padded to 24 longs; XSendEvent copies that much.
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


CLIENT_MESSAGE = 33
NO_EVENT_MASK = 0


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    window = int(sys.argv[1], 0)
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = Atom
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XGetWMProtocols.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(ctypes.POINTER(Atom)), ctypes.POINTER(ctypes.c_int)]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XFree.argtypes = [ctypes.c_void_p]

    display = x11.XOpenDisplay(None)
    if not display:
        print("cannot open the X display (is DISPLAY set?)", file=sys.stderr)
        return 1
    try:
        wm_protocols = x11.XInternAtom(display, b"WM_PROTOCOLS", False)
        wm_delete = x11.XInternAtom(display, b"WM_DELETE_WINDOW", False)

        # A window that does not list WM_DELETE_WINDOW would not understand the request.
        protocols = ctypes.POINTER(Atom)()
        count = ctypes.c_int(0)
        if not x11.XGetWMProtocols(display, window, ctypes.byref(protocols), ctypes.byref(count)):
            print(f"window {window:#x} has no WM_PROTOCOLS", file=sys.stderr)
            return 1
        listed = [protocols[i] for i in range(count.value)]
        x11.XFree(protocols)
        if wm_delete not in listed:
            print(f"window {window:#x} does not take WM_DELETE_WINDOW", file=sys.stderr)
            return 1

        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.send_event = True
        event.xclient.window = window
        event.xclient.message_type = wm_protocols
        event.xclient.format = 32
        event.xclient.data[0] = wm_delete
        event.xclient.data[1] = 0  # CurrentTime
        if not x11.XSendEvent(display, window, False, NO_EVENT_MASK, ctypes.byref(event)):
            print("XSendEvent failed", file=sys.stderr)
            return 1
        x11.XFlush(display)
        return 0
    finally:
        x11.XCloseDisplay(display)


if __name__ == "__main__":
    sys.exit(main())
