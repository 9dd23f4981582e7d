"""One module per export format. Each offers ``sniff(head: str, name: str) -> bool`` (does a
file that begins like this look like ours?) and ``parse(source, options, report)`` yielding
ChatMessage, streaming."""
