"""What WhatsApp writes in place of words, in the languages it exports in: day periods after
a 12-hour time, media placeholders, deleted and edited markers, and system notices.

Kept apart from the parser so that a new language is a few lines of data. Texts are matched
after :func:`normalised` (invisible marks, a final full stop and case dropped), so
``‎This message was deleted.`` and ``This message was deleted`` are one entry.
"""

from __future__ import annotations

import re

from bowlby.chats.messages import MessageKind

# Bidi and other invisible marks WhatsApp puts around times, names and placeholders.
INVISIBLE_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
SPACES = " \u00a0\u202f"

# A day period after a 12-hour time, by how it moves the hour: "am" (12 → 0), "pm"
# (12 stays, 1–11 + 12), "night" (12 → 0, 1–11 + 12: "da noite", "malam") and "midday"
# (Indonesian "siang", 10:00–15:00: 10 and 11 stay, 12 stays, 1–3 + 12).
DAY_PERIODS: dict[str, str] = {
    "am": "am",  # AM, am, a.m., a. m. (Spanish, Dutch, Canadian French), A.M.
    "pm": "pm",
    "vorm": "am",  # German vorm. / nachm.
    "nachm": "pm",
    "fm": "am",  # Swedish, Norwegian, Danish f.m. / e.m.
    "em": "pm",
    "damanhã": "am",  # Portuguese
    "damadrugada": "am",
    "datarde": "pm",
    "danoite": "night",
    "dumatin": "am",  # French
    "del'après-midi": "pm",
    "del’après-midi": "pm",
    "dusoir": "night",
    "delamañana": "am",  # Spanish long forms
    "delamadrugada": "am",
    "delatarde": "pm",
    "delanoche": "night",
    "pagi": "am",  # Indonesian
    "siang": "midday",
    "sore": "pm",
    "malam": "night",
}

_GAP = f"[{SPACES}]?"
_AM_PM = rf"[AaPp]\.?{_GAP}[Mm]\.?"
_WORDS = sorted(
    (
        "vorm.",
        "nachm.",
        "f.m.",
        "e.m.",
        "fm",
        "em",
        "da manhã",
        "da madrugada",
        "da tarde",
        "da noite",
        "du matin",
        "de l'après-midi",
        "de l’après-midi",
        "du soir",
        "de la mañana",
        "de la madrugada",
        "de la tarde",
        "de la noche",
        "pagi",
        "siang",
        "sore",
        "malam",
    ),
    key=len,
    reverse=True,
)
DAY_PERIOD_PATTERN = "|".join(
    [_AM_PM, *(re.escape(word).replace(r"\ ", f"[{SPACES}]") for word in _WORDS)]
)

_MEDIA = (
    # Android, exported without media
    "<Media omitted>",
    "<Multimedia omitido>",
    "<Medien ausgeschlossen>",
    "<Médias omis>",
    "<Mídia oculta>",
    "<Media tidak disertakan>",
    # iOS, after the sender's name and a U+200E
    "image omitted",
    "video omitted",
    "audio omitted",
    "sticker omitted",
    "GIF omitted",
    "document omitted",
    "Contact card omitted",
    "imagen omitida",
    "video omitido",
    "audio omitido",
    "sticker omitido",
    "GIF omitido",
    "Bild weggelassen",
    "Video weggelassen",
    "Audio weggelassen",
    "Sticker weggelassen",
    "image absente",
    "vidéo absente",
    "audio omis",
    "autocollant omis",
    "imagem ocultada",
    "vídeo oculto",
    "áudio ocultado",
    "figurinha omitida",
    "gambar tidak disertakan",
    "video tidak disertakan",
    "audio tidak disertakan",
    "stiker tidak disertakan",
)
MEDIA_ENDINGS = (
    " omitted",
    " omitida",
    " omitido",
    " weggelassen",
    " ocultada",
    " ocultado",
    " tidak disertakan",
    # Android, exported with media: "IMG-20261124-WA0001.jpg (file attached)"
    "(file attached)",
    "(archivo adjunto)",
    "(Datei angehängt)",
    "(fichier joint)",
    "(arquivo anexado)",
    "(file terlampir)",
)
MEDIA_BEGINNINGS = ("<attached: ", "<adjunto: ", "<Anhang: ", "<pièce jointe : ", "<anexado: ")

_DELETED = (
    "This message was deleted",
    "You deleted this message",
    "Se eliminó este mensaje",
    "Eliminaste este mensaje",
    "Diese Nachricht wurde gelöscht",
    "Du hast diese Nachricht gelöscht",
    "Ce message a été supprimé",
    "Vous avez supprimé ce message",
    "Mensagem apagada",
    "Esta mensagem foi apagada",
    "Você apagou esta mensagem",
    "Pesan ini telah dihapus",
    "Anda menghapus pesan ini",
)

# Appended to an edited message's last line, sometimes after a U+200E.
EDITED_MARKERS = (
    "<This message was edited>",
    "<Se editó este mensaje.>",
    "<Se editó este mensaje>",
    "<Diese Nachricht wurde bearbeitet.>",
    "<Diese Nachricht wurde bearbeitet>",
    "<Ce message a été modifié>",
    "<Mensagem editada>",
    "<Pesan ini telah diedit>",
)

_CALLS = (
    "Missed voice call",
    "Missed video call",
    "Llamada perdida",
    "Llamada de voz perdida",
    "Videollamada perdida",
    "Verpasster Sprachanruf",
    "Verpasster Videoanruf",
    "Appel vocal manqué",
    "Appel vidéo manqué",
    "Chamada de voz perdida",
    "Chamada de vídeo perdida",
    "Panggilan suara tak terjawab",
    "Panggilan video tak terjawab",
)

# Notices WhatsApp writes as if someone had sent them (iOS, after a U+200E): found by a
# phrase inside them, lower-cased. Only texts that begin with the mark are looked at, so a
# person's own "I left early" stays theirs.
SYSTEM_PHRASES = (
    "end-to-end encrypted",
    "end-to-end encryption",
    "changed their phone number",
    "changed the subject",
    "changed this group",
    "changed the group",
    "created group",
    "joined using this group",
    "this contact",  # blocked / unblocked
    "security code",
    "disappearing messages",
    "cifrados de extremo a extremo",
    "cambió su número",
    "ende-zu-ende-verschlüsselt",
    "telefonnummer gewechselt",
    "chiffrés de bout en bout",
    "a changé de numéro",
    "criptografia de ponta a ponta",
    "mudou seu número",
    "terenkripsi secara end-to-end",
    "mengganti nomor",
    # joins, leaves and adds in a group, under the group's name
    " added ",
    " removed ",
    " left",
    " joined",
    " añadió a ",
    " salió",
    " se unió",
    " hinzugefügt",
    " hat die gruppe verlassen",
    " ist beigetreten",
    " a ajouté ",
    " est parti",
    " a rejoint",
    " adicionou ",
    " saiu",
    " entrou",
    " menambahkan ",
    " keluar",
    " bergabung",
)


_NOT_IN_PERIOD_KEY = re.compile(f"[.{SPACES}{INVISIBLE_MARKS}]")


def day_period_key(text: str) -> str:
    """``p.\u00a0m.``, ``PM`` and ``p.m.`` alike: ``pm``."""
    return _NOT_IN_PERIOD_KEY.sub("", text).casefold()


def normalised(text: str) -> str:
    """The form a marker is looked up in: no invisible marks or spaces around it, no final
    full stop, lower case."""
    return text.strip(INVISIBLE_MARKS + SPACES).rstrip(".").strip(SPACES).casefold()


KNOWN_TEXTS: dict[str, MessageKind] = {
    **{normalised(text): MessageKind.MEDIA for text in _MEDIA},
    **{normalised(text): MessageKind.DELETED for text in _DELETED},
    **{normalised(text): MessageKind.SYSTEM for text in _CALLS},
}
# The same, exactly as Android writes them (no marks): looked up for every message.
EXACT_TEXTS: dict[str, MessageKind] = {
    written: kind
    for text, kind in [
        *((text, MessageKind.MEDIA) for text in _MEDIA),
        *((text, MessageKind.DELETED) for text in _DELETED),
        *((text, MessageKind.SYSTEM) for text in _CALLS),
    ]
    for written in (text, text + ".")
}
EDITED_KEYS = frozenset(normalised(marker) for marker in EDITED_MARKERS)
