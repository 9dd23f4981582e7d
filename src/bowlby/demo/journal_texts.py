"""What the demo couple wrote: Maya leans anxious, Jordan leans avoidant, both are trying."""

from __future__ import annotations

from typing import NamedTuple


class DemoEntry(NamedTuple):
    title: str
    body: str
    shared: bool = False


MAYA = [
    DemoEntry(
        "Three hours without a reply",
        "Jordan didn't answer after lunch and I checked my phone every few minutes. By four I had written a long message and deleted it twice. He was in a planning meeting. The story in my head was that he was losing interest.",
    ),
    DemoEntry(
        "Why I keep checking",
        "When a reply is late my chest gets tight and I start rehearsing the worst. I think I learned early that love could disappear without warning.",
    ),
    DemoEntry(
        "A good Sunday",
        "We cooked together and he put his hand on my back while I was chopping onions. Small, but I noticed it and I felt calm the whole afternoon.",
        True,
    ),
    DemoEntry(
        "He asked for space",
        "Jordan said he needed an evening alone. I heard 'I'm leaving'. I wanted to ask ten questions. I went for a walk instead and the urge passed after about twenty minutes.",
    ),
    DemoEntry(
        "What I actually needed",
        "Looking back at yesterday: I didn't need him to stay, I needed to know we were okay. I could have just asked that.",
        True,
    ),
    DemoEntry(
        "Work trip",
        "He's away until Thursday. I'm proud that I sent one message and waited instead of sending five. He called in the evening like he said he would.",
    ),
    DemoEntry(
        "Old pattern",
        "Mum used to go quiet for days when she was upset. I think that's where the panic about silence comes from. It's not Jordan's silence I'm afraid of, it's hers.",
    ),
    DemoEntry(
        "Check-in went well",
        "Fifteen minutes, phones away. I told him the late replies scare me and he said he didn't know. He offered to text when meetings run long.",
        True,
    ),
    DemoEntry(
        "Snapped at him",
        "I was tired and I said 'you never notice anything'. Not fair. I apologised an hour later and he accepted it, which surprised me.",
    ),
    DemoEntry(
        "Noticing the reliable things",
        "He remembered my sister's exam. He booked the train for my birthday weekend without being asked. I want to write these down so I believe them on the bad days.",
        True,
    ),
    DemoEntry(
        "A wobble",
        "Saw he'd been online and hadn't replied. Old fear came up. Rated it 7. Did the breathing and it went down to 4. Then he replied with a photo of his lunch.",
    ),
    DemoEntry(
        "Calmer than last month",
        "I notice the gap between the trigger and what I do is getting longer. I still feel it, I just don't act on it straight away.",
    ),
]

JORDAN = [
    DemoEntry(
        "Too much at once",
        "Maya wanted to talk about the weekend plans and the holiday and her mum all at once. I felt cornered and went quiet. I know she reads that as not caring.",
    ),
    DemoEntry(
        "What closeness feels like",
        "When things get intense I want to be in another room. It's not that I don't love her. It's like my system needs to check I still have my own space.",
    ),
    DemoEntry(
        "Told her one small thing",
        "I told Maya I was nervous about the presentation. I usually keep that kind of thing to myself. She just listened. It was fine. Better than fine.",
        True,
    ),
    DemoEntry(
        "Growing up",
        "At home nobody talked about feelings. You handled things yourself. Needing people felt like a weakness. I'm seeing how much that still runs me.",
    ),
    DemoEntry(
        "Asked for an evening alone",
        "I said I needed a quiet night and tried to say it kindly, and that I'd call her at nine. I did. That seemed to make a difference.",
        True,
    ),
    DemoEntry(
        "Long day, short texts",
        "I replied 'ok' to three messages in a row today. Reading them back they look cold. I was in meetings. Maybe I can say that instead of going silent.",
    ),
    DemoEntry(
        "The check-in",
        "I thought fifteen minutes of 'feelings talk' would be awful. It was structured enough that I didn't freeze. She said she appreciated me booking the train.",
        True,
    ),
    DemoEntry(
        "Pulling away again",
        "We argued about money and I stopped answering. Stonewalling, the book calls it. I came back after a walk and said I needed twenty minutes, not that I was leaving.",
    ),
    DemoEntry(
        "Sharing a worry",
        "Told her I worry I'm not good at this relationship stuff. She held my hand. I felt exposed and then, strangely, lighter.",
        True,
    ),
    DemoEntry(
        "Noticing her effort",
        "She sent one message while I was away and waited. I know that took effort. I want to tell her I noticed.",
    ),
]
