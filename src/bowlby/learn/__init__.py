"""The guide: short articles about attachment patterns, kept as Markdown data files with front
matter, read differently for an anxious, avoidant, fearful or secure position, and showing the
person's own figures where they exist. Pure: the shells render what this package returns."""
