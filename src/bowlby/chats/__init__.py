"""Chat histories: every export format read into one message type, then the patterns and the
timing a therapist would look for. Pure logic: files and text in, messages and findings out."""
