"""The couple's turn-by-turn influence model (Gottman–Murray) and the person's own safety
feedback loop: pure maths on scored turns and logged ratings, no storage and no interface."""
