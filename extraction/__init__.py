"""From analyst documents to events: who was active where, and when, with evidence."""
