"""Every sentence the journal pages say to a person, in one place to review for tone.

Kind, plain, never diagnosing. Messages from the journal models (an unknown choice, a value
out of range) come from bowlby.journal and are shown as they are, next to their field.
"""

from __future__ import annotations

# The five steps, as the overview page explains them: (title, explanation, link, tool).
STEPS = (
    (
        "Identify triggers",
        "Notice the moment the alarm goes off: what happened, what your partner did or did "
        "not do, and what you felt the urge to do. Over time the log shows which moments "
        "come back, and when.",
        "/journal/triggers",
        "Log a trigger",
    ),
    (
        "Name the emotion",
        "Put a precise word to the feeling, and notice whether one of the core fears sits "
        "beneath it. Naming a feeling tends to make it a little quieter.",
        "/journal/emotions",
        "Name a feeling",
    ),
    (
        "Challenge the narrative",
        "Catch the story your mind tells in the moment, look at the evidence for and "
        "against it, and find a more balanced thought. Then see how much you still "
        "believe the first one.",
        "/journal/thoughts",
        "Write a thought record",
    ),
    (
        "Build a secure model",
        "Collect moments when your partner was reliable and caring. They become evidence "
        "your anxious mind can weigh, and a calm memory to come back to.",
        "/journal/successes",
        "Keep a success moment",
    ),
    (
        "Seek professional insight",
        "A therapist trained in CBT or Emotionally Focused Therapy can help you go further. "
        "Read how these therapies work and how to find someone qualified.",
        "/journal/resources",
        "About therapy",
    ),
)

# Saved
TRIGGER_SAVED = "Logged. Noticing it is the first step. {visibility}"
EMOTION_SAVED = "Named: {statement} {visibility}"
THOUGHT_SAVED_UNFINISHED = (
    "Saved for later. Come back and re-rate the thought when you are ready. {visibility}"
)
THOUGHT_SAVED_DROP = "Saved. Your belief went from {before} to {after}: {change}. {visibility}"
SUCCESS_SAVED = "Kept. This moment will be here when you need it. {visibility}"
REFLECTION_SAVED = "Your answer is saved. Go gently with yourself. {visibility}"
SUGGESTED = "Here is a sentence to try. Change it until it sounds like you, then save."

# Form checks the web app itself makes (before the journal models see the values)
WRITE_WHAT_HAPPENED = "Write a few words about what happened."
CHOOSE_PARTNER_ACTION = "Choose what your partner did or did not do."
CHOOSE_URGE = "Choose the urge it raised."
CHOOSE_STRENGTH = "Choose how strong the urge was, from 0 to 10."
CHOOSE_FEELING = "Choose the word that fits the feeling best."
CHOOSE_INTENSITY = "Choose how strong the feeling is, from 0 to 10."
WRITE_THOUGHT = "Write the thought that came first, in the words your mind used."
RATE_BELIEF = "Rate how much you believe it, from 0 to 100."
RATE_BELIEF_AFTER = "Re-rate the belief from 0 to 100, or leave it empty to finish later."
WRITE_ANSWER = "Write a few words in answer, or come back to this question another time."
WRITE_SUCCESS = "Write a few words about the moment."

# Other
NO_SUCH_PROMPT = "There is no journaling question '{prompt_id}'."
BELIEF_CHANGE_DOWN = "down {points} points"
BELIEF_CHANGE_UP = "up {points} points"
BELIEF_CHANGE_SAME = "the same as before"
NOT_SHARED_MOMENT = "a moment that is not shared with you"
