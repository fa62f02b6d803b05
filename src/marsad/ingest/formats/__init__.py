"""One reader per input format; each turns the bytes of one input into Items and Skips.
``marsad.ingest.discover`` picks the reader by extension or by sniffing the content."""
