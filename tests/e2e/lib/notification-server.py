#!/usr/bin/python3
"""A stand-in desktop notification service for the E2E suite.

Owns org.freedesktop.Notifications on the session bus (the private one scripts/e2e.sh starts)
and answers as the Desktop Notifications Specification asks: Notify, GetCapabilities,
GetServerInformation and CloseNotification. Every Notify is appended to the file named on the
command line as one JSON line: {"id", "app", "summary", "body"}. Nothing is shown.

Prints "ready" once the name is owned; ends on SIGTERM or SIGINT, or when it loses the name
(another service took it), with a message on stderr.

Usage: notification-server.py OUTPUT_FILE
"""

import json
import signal
import sys

from gi.repository import Gio, GLib

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"

INTERFACE = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" name="app_name" direction="in"/>
      <arg type="u" name="replaces_id" direction="in"/>
      <arg type="s" name="app_icon" direction="in"/>
      <arg type="s" name="summary" direction="in"/>
      <arg type="s" name="body" direction="in"/>
      <arg type="as" name="actions" direction="in"/>
      <arg type="a{sv}" name="hints" direction="in"/>
      <arg type="i" name="expire_timeout" direction="in"/>
      <arg type="u" name="id" direction="out"/>
    </method>
    <method name="CloseNotification">
      <arg type="u" name="id" direction="in"/>
    </method>
    <method name="GetCapabilities">
      <arg type="as" name="capabilities" direction="out"/>
    </method>
    <method name="GetServerInformation">
      <arg type="s" name="name" direction="out"/>
      <arg type="s" name="vendor" direction="out"/>
      <arg type="s" name="version" direction="out"/>
      <arg type="s" name="spec_version" direction="out"/>
    </method>
    <signal name="NotificationClosed">
      <arg type="u" name="id"/>
      <arg type="u" name="reason"/>
    </signal>
    <signal name="ActionInvoked">
      <arg type="u" name="id"/>
      <arg type="s" name="action_key"/>
    </signal>
  </interface>
</node>
"""

# NotificationClosed reasons of the specification.
CLOSED_BY_CALL = 3


class Server:
    def __init__(self, output, loop):
        self.output = output
        self.loop = loop
        self.last_id = 0
        self.open = set()
        self.failed = False

    def record(self, entry):
        # One write per line, flushed at once: the test reads the file while we run.
        with open(self.output, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def on_call(self, connection, _sender, path, interface, method, params, invocation):
        if method == "Notify":
            app, replaces, _icon, summary, body, _actions, _hints, _timeout = params.unpack()
            if replaces and replaces in self.open:
                nid = replaces
            else:
                self.last_id += 1
                nid = self.last_id
            self.open.add(nid)
            self.record({"id": nid, "app": app, "summary": summary, "body": body})
            invocation.return_value(GLib.Variant("(u)", (nid,)))
        elif method == "CloseNotification":
            (nid,) = params.unpack()
            invocation.return_value(None)
            if nid in self.open:
                self.open.discard(nid)
                connection.emit_signal(None, path, interface, "NotificationClosed",
                                       GLib.Variant("(uu)", (nid, CLOSED_BY_CALL)))
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["body"],)))
        elif method == "GetServerInformation":
            invocation.return_value(GLib.Variant("(ssss)", ("metadesk-e2e", "Metadesk", "1", "1.2")))
        else:
            invocation.return_dbus_error("org.freedesktop.DBus.Error.UnknownMethod", method)

    def on_bus(self, connection, _name):
        info = Gio.DBusNodeInfo.new_for_xml(INTERFACE).interfaces[0]
        connection.register_object(OBJECT_PATH, info, self.on_call, None, None)

    def on_name(self, _connection, _name):
        print("ready", flush=True)

    def on_lost(self, _connection, name):
        print(f"notification-server: could not own {name} on the session bus", file=sys.stderr)
        self.failed = True
        self.loop.quit()


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    loop = GLib.MainLoop()
    server = Server(sys.argv[1], loop)
    # Start with an empty file: the tests count lines.
    open(server.output, "w", encoding="utf-8").close()
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)
    owner = Gio.bus_own_name(Gio.BusType.SESSION, BUS_NAME, Gio.BusNameOwnerFlags.DO_NOT_QUEUE,
                             server.on_bus, server.on_name, server.on_lost)
    loop.run()
    Gio.bus_unown_name(owner)
    return 1 if server.failed else 0


if __name__ == "__main__":
    sys.exit(main())
