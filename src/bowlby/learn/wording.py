"""Every sentence the guide adds around its articles, in one place so its tone (kind, plain,
never a verdict) can be read in one sitting. Placeholders are filled by learn/figures.py."""

from __future__ import annotations

from typing import NamedTuple


class FigureWording(NamedTuple):
    """A figure's box: its title, where it is explained, and the sentence without data."""

    title: str
    href: str
    see_label: str
    see_command: str
    without: str
    start_label: str
    start_command: str


BOX_LABEL = "From your own records"

FIGURES = {
    "position": FigureWording(
        title="Your position on the plane",
        href="/assess",
        see_label="Your questionnaire results",
        see_command="bowlby assess history",
        without=(
            "There is no questionnaire of yours yet. The ECR-R (36 statements, about ten "
            "minutes) places you on the anxiety and avoidance plane, and this box then shows "
            "where."
        ),
        start_label="Take the ECR-R",
        start_command="bowlby assess take ecr-r",
    ),
    "top_triggers": FigureWording(
        title="Your most frequent triggers",
        href="/journal/triggers",
        see_label="Your trigger log",
        see_command="bowlby journal patterns",
        without=(
            "No triggers logged in the last 90 days. Logging one the moment it happens takes "
            "about a minute, and after a few weeks this box shows which ones come back."
        ),
        start_label="Log a trigger",
        start_command="bowlby trigger",
    ),
    "chat_moves": FigureWording(
        title="Protest and withdrawal in your own messages",
        href="/chats",
        see_label="Your chats and their reports",
        see_command="bowlby chats list",
        without=(
            "No messages of yours from the last 30 days in an imported chat. Importing a chat "
            "export (it stays encrypted on this computer) lets this box count your own protest "
            "and withdrawal messages."
        ),
        start_label="Import a chat",
        start_command="bowlby chats import",
    ),
    "time_to_repair": FigureWording(
        title="Your time to repair",
        href="/practice/repairs",
        see_label="Your ruptures and repairs",
        see_command="bowlby repair list",
        without=(
            "No repaired ruptures logged yet. Logging a rupture and, later, its repair shows "
            "how long coming back together takes, and whether it is getting quicker."
        ),
        start_label="Log a rupture",
        start_command="bowlby repair rupture",
    ),
    "soothing_effect": FigureWording(
        title="What self-soothing does for you",
        href="/practice/soothing",
        see_label="Your self-soothing sessions",
        see_command="bowlby soothe effects",
        without=(
            "No self-soothing sessions yet. Rating your anxiety before and after a breathing "
            "or grounding exercise shows, measured, what calms you."
        ),
        start_label="Calm down now",
        start_command="bowlby soothe list",
    ),
}

POSITION = (
    "Your latest questionnaire ({instrument}, {day}) puts anxiety at {anxiety:.1f} and "
    "avoidance at {avoidance:.1f} on the 1 to 7 scale."
)
POSITION_MARGINS = (
    "Each could reasonably be {anxiety_margin:.1f} and {avoidance_margin:.1f} higher or lower."
)
POSITION_REGION = "That point sits in the {region_label} area of the plane."
POSITION_NEAR = "It is close to a boundary, so the neighbouring area describes you almost as well."

TRIGGERS = "The partner actions you logged most often in the last 90 days: {listed}."
TIMES = {1: "once", 2: "twice"}
TIMES_MANY = "{count} times"
TRIGGER_ITEM = "{label} ({times})"

CHAT_MOVES = (
    "Of the {messages} messages you sent in your imported chats over the last 30 days, "
    "{protest} read as protest and {withdrawal} as withdrawal."
)
CHAT_HORSEMEN = (
    "The four horsemen among them: criticism {criticism}, contempt {contempt}, "
    "defensiveness {defensiveness}, stonewalling {stonewalling}."
)
CHAT_CAPPED = "Only your latest {cap} messages were read."
CHAT_ESTIMATE = (
    "These are estimates from the words alone; the chat report shows why each was flagged."
)

REPAIR = "Over your last {repairs} repairs, the median time from rupture to repair was {duration}."
REPAIR_TRENDS = {
    "quicker": "That is quicker than the repairs before them ({earlier}).",
    "slower": (
        "That is slower than the repairs before them ({earlier}); hard stretches happen, and "
        "they do not undo the skill."
    ),
    "steady": "That is about the same as the repairs before them ({earlier}).",
}

SOOTHING = (
    "Across your {count} self-soothing sessions, anxiety {moved} by {mean:.1f} points on "
    "average (95% interval {low:.1f} to {high:.1f})."
)
SOOTHING_EARLY = (
    "After {sessions}, anxiety {moved} by {mean:.1f} points on average; from three sessions "
    "on, this box also shows how sure that is."
)
SESSIONS = {1: "your first session"}
SESSIONS_MANY = "your first {count} sessions"
DROPPED, ROSE = "dropped", "rose"

VARIANT_LABELS = {
    "anxious": "the anxious pattern",
    "avoidant": "the avoidant pattern",
    "fearful": "the fearful pattern",
    "secure": "the secure pattern",
    "unknown": "no questionnaire yet",
}
ANOTHER_READING = (
    "You are reading the version written for {chosen}. It is not your own reading, which "
    "follows {own}."
)
OWN_FROM_POSITION = "your latest questionnaire"
OWN_WITHOUT_POSITION = "the general version until you take a questionnaire"
PRACTICE_PAUSED = "paused while safety mode is on"
PAUSED_NOTE = (
    "Safety mode is on, so the exercises that coach closeness with a partner are paused. The "
    "guide stays here to read."
)
PRACTISE_IT = "Practise it"
RESTS_ON = "What this rests on"
BAD_VARIANT = "choose one of anxious, avoidant, fearful or secure"
