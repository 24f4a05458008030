"""The city's web console at /console/ (docs/console.md). ``console_app`` builds it;
sync/server/app.py mounts it and serves ``fleet.metrics_text`` at /metrics."""
