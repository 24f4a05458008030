"""Walk one application's accessibility tree over AT-SPI; prints JSON.

Runs under Debian's *system* python3 (dbus-python), not the kiosk's venv: it is the
assistive technology's side of the bus, as Orca would see the kiosk. It speaks the AT-SPI
D-Bus protocol directly (what pyatspi wraps), so it needs no more than python3-dbus.

    python3 walk.py ping          # start the accessibility bus (D-Bus activation)
    python3 walk.py APP_NAME      # the showing nodes of that application
"""

import json
import sys

import dbus

ACC = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
PROPS = "org.freedesktop.DBus.Properties"
SHOWING, FOCUSABLE, FOCUSED, ENABLED = 25, 11, 12, 8


def a11y_bus():
    session = dbus.SessionBus()
    address = session.get_object("org.a11y.Bus", "/org/a11y/bus").GetAddress(dbus_interface="org.a11y.Bus")
    return dbus.bus.BusConnection(str(address))


def states(obj):
    words = obj.GetState(dbus_interface=ACC)
    bits = int(words[0]) | (int(words[1]) << 32)
    return {i for i in range(64) if bits >> i & 1}


def walk(bus, name, path, depth, out, limit=5000):
    if len(out) >= limit:
        return
    obj = bus.get_object(name, path, introspect=False)
    st = states(obj)
    if depth > 1 and SHOWING not in st:
        return   # hidden pages of a stacked screen: not what the person can reach now
    node = {
        "role": str(obj.GetRoleName(dbus_interface=ACC)),
        "name": str(obj.Get(ACC, "Name", dbus_interface=PROPS)),
        "showing": SHOWING in st, "focusable": FOCUSABLE in st, "focused": FOCUSED in st,
        "enabled": ENABLED in st, "depth": depth,
    }
    try:
        x, y, w, h = obj.GetExtents(dbus.UInt32(0), dbus_interface=COMPONENT)
        node["extents"] = [int(x), int(y), int(w), int(h)]
    except dbus.DBusException:
        node["extents"] = None
    out.append(node)
    for child_name, child_path in obj.GetChildren(dbus_interface=ACC):
        walk(bus, str(child_name), str(child_path), depth + 1, out, limit)


def main(argv):
    bus = a11y_bus()
    if argv[1] == "ping":
        print("[]")
        return 0
    root = bus.get_object("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root", introspect=False)
    for name, path in root.GetChildren(dbus_interface=ACC):
        app = bus.get_object(str(name), str(path), introspect=False)
        if str(app.Get(ACC, "Name", dbus_interface=PROPS)) == argv[1]:
            out = []
            walk(bus, str(name), str(path), 0, out)
            print(json.dumps(out, ensure_ascii=False))
            return 0
    print(f"application {argv[1]!r} is not on the accessibility bus", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
