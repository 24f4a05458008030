"""Everything that crosses the network: the wire protocol, the kiosk's sync client and
worker, and the reference city backend (sync/server/). Never imports Qt."""
