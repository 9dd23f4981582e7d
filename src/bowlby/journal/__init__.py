"""Self-awareness in five steps, as pure functions: identify triggers, name the emotion,
challenge the narrative, build a secure model, and gather what to take to a therapist."""
