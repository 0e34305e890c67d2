"""Activity Atlas core: settings, the records passed between stages, and the event store.

Both ``extraction`` (which writes events) and ``dashboard`` (which reads them) depend on
this package; it depends on neither.
"""
