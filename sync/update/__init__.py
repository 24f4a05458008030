"""The kiosk-side updater: verify releases with TUF, install beside, switch, fall back.

Modules: feed (TUF verification), install (versions/<v>/ and the `current` link),
updater (one round), status (the heartbeat record), watchdog (sd_notify and the
app's liveness), settings, __main__ (the timer's command line).

Nothing is imported here on purpose: the UI imports sync.update.watchdog at start-up
and must not pay for loading TUF and cryptography. Qt is never imported.
"""
