"""Where a sentence's clauses part its groups from places or its years from events, and
where it claims an attack.

"JA operates along the border with Badakhshan, while KIB fights in Idlib" names two groups
in two clauses: neither was active in the other's places; nor was the Taliban in "Since the
Taliban took Kabul, the TTP has regrouped in Kunar"; nor Jaish al-Adl in Punjab in "raids in
Punjab and a fence on the border, where Jaish al-Adl operates" (but the TTP is in Kunar in
"LeT went to Kunar, where the TTP sheltered them"). In "JeM, already responsible for
the Pulwama attack two years earlier, was scouting Delhi" the aside's year is not Delhi's.
"The BLA claimed responsibility" makes the BLA the actor of what the sentence before
reports (``extraction.linking``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from atlas.records import GroupCandidate, GroupMention, Mention, YearRef
from extraction.sentences import PROSE_END, Sentence

# Where a sentence may turn to another actor: "..., while KIB fights in Idlib"; "...; LeT
# ..."; "..., and LeT trained in Karachi" (a turn counts when a group opens it).
# ", where Jaish al-Adl operates" turns too, but is also about the place it follows.
_CONTRAST = re.compile(r"[,;]\s+(?:while|whereas|and|where)\s|;\s", re.IGNORECASE)
_BARE_CONTRAST = re.compile(
    r"(?<![,;])(?<!such)(?<!known)(?<!well)(?<!same)(?<!listed)(?<!named)(?<!so)(?<!act)"
    r"(?<!acts)(?<!acted)(?<!serve)(?<!serves)(?<!served)(?<!seen)(?<!designated)"
    r"(?<!described)(?<!identified)(?<!regarded)(?<!emerged)(?<!see)(?<!sees)(?<!saw)"
    r"\s(?:as|while|whereas)\s",
    re.IGNORECASE,
)
_WHERE_REACH = 12
"""Characters from a place to the ", where" that it is the antecedent of ("Kunar province")."""
# A subordinate clause opening a sentence, up to its comma: "Since the Taliban takeover of
# Kabul in August 2021, ...", "After the fall of the Taliban government in 2001, ...".
_LEADING = re.compile(
    r"(?:Since|After|Following|Before|During|When|Although|Though|Despite|Amid|Unlike|Until"
    r"|Once|While)\b[^,;.]{3,160},"
    # Not when the comma goes on with the same clause ("After 2001 the IMU moved to Wana,
    # where it fought alongside the TTP").
    r"(?!\s*(?:where|which|who|whom|whose|when|while|and|but|or|as|including|with|although"
    r"|though|because|since|until|then)\b)",
    re.IGNORECASE,
)
_SUBJECT_REACH = 5
"""Characters from a turn to the group it opens with ("the ")."""
# A clause opening with a group described before it is named: ", and that its South
# Asian affiliate, AQIS, had fighters in Ghazni".
_NAMED_AFTER = re.compile(
    r"(?:that\s+)?(?:its|their|the)\s+(?:[\w-]+\s+){0,3}(?:affiliate|branch|wing|faction"
    r"|offshoot|ally|franchise|chapter|arm|splinter)\s*,\s*",
    re.IGNORECASE,
)
#: ", which is based in ...", ", who operate from ...": a relative clause with its verb.
_RELATIVE = re.compile(
    r",\s+(?:which|who)\s+(?:(?:is|are|was|were|has|have|had)\s+)?(?:also\s+)?"
    r"(?:based|active|present|headquartered|located|operating|sheltered|hiding"
    r"|operates?|operated|remains?|remained|controls?|controlled|runs?|ran|moved)\b",
    re.IGNORECASE,
)
#: What may stand between a group's name and its relative clause ("the TTP leadership,").
_HEAD_NOUN = re.compile(
    r"\s+(?:leadership|leaders?|fighters|cadres?|militants|members|chief|commanders?|shura"
    r"|council|network|faction|wing|cells?|core)\Z",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[;]|,\s+(?:while|whereas|but|and)\s")
_NAMED_REACH = 30
"""The same for a name the lexicon lacks, introduced ("a new group called ")."""
# A relative or adverbial aside (", which grew,"), or an appositive that describes what
# it follows (", the sectarian group that emerged from SSP in 1996,"); a bare appositive
# (", the Haqqani network,") is rather an item of a list, and one with a verb before its
# "that" is a subject (", the leader of al-Qaeda contended that ...").
_ASIDE = re.compile(
    r",\s+(?:(?:already|who|which|once|then|previously|formerly|itself|themselves|founded"
    r"|formed|created|established|led|headed|backed|blamed|known|based|set\s+up"
    r"|(?:(?:widely|often|long|generally)\s+)?(?:seen|believed|described|considered|thought"
    r"|regarded|viewed))\b"
    r"|(?:the|a|an)\s+(?:(?-i:(?![a-z]+ed\b))(?!(?:said|says|told|wrote|writes)\b)"
    r"[^\s,;.]+\s+){0,8}?(?:(?:that|which|who|founded|formed|created|set\s+up|established"
    r"|responsible|blamed|behind)\b|(?:offshoot|splinter|affiliate|branch|wing|faction|ally"
    r"|successor|rival|arm|part)s?\s+of\b|fronts?\s+for\b)"
    # ... or ends with such a noun: ", an al-Qaeda ally,".
    r"|(?:an?|the)\s+(?:[^\s,;.]+\s+){1,4}?(?:ally|allies|affiliate|offshoot|splinter|proxy"
    r"|partner|franchise)\s*(?=,))[^,;.]*,",
    re.IGNORECASE,
)
_CLAIM = re.compile(
    r"\b(?:(?:claim(?:ed|s|ing)?|t(?:ook|akes?|aking)|accept(?:ed|s)?)\s+(?:(?:the\s+)?(?:full\s+)?"
    r"(?:responsibility|credit)|(?:the|that|this)\s+(?:attack|bombing|assault|blast|killings?"
    r"|ambush|raid|strike))"
    r"|claim(?:ed|s)\s+(?:it|them)\b(?!\s+(?:was|is|were|had|has|would|to))"
    r"|(?:said|says)\s+(?:that\s+)?it\s+(?:had\s+)?carried\s+out)\b",
    re.IGNORECASE,
)

# A claim that names what it claims ("claimed the bombing of ...", "claimed responsibility
# for a grenade attack on a camp in Tinsukia", "said it carried out the Bela assault").
_CLAIMED_OBJECT = re.compile(
    r"(?:claim(?:ed|s|ing)?|t(?:ook|akes?|aking)|accept(?:ed|s)?)\s+(?:the|that|this"
    r"|(?:full\s+)?(?:responsibility|credit)\s+for)\s"
    r"|(?:said|says)\s+(?:that\s+)?it\s+(?:had\s+)?carried\s+out\s",
    re.IGNORECASE,
)
_OBJECT_END = re.compile(r"[,;]|\s(?:and|but|while)\s")


def asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-bounded asides in ``text[start:end]`` that tell of something else ("JeM,
    already responsible for the Pulwama attack two years earlier, was ..."): a year in one
    dates only the places inside it."""
    return [m.span() for m in _ASIDE.finditer(text, start, end)]


def aside_at(away: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The aside of ``away`` (as ``asides`` gives them) that holds ``offset``, or None."""
    return next(((s, e) for s, e in away if s <= offset < e), None)


def outside_asides(
    text: str, start: int, end: int, place: Mention | None, refs: tuple[YearRef, ...]
) -> tuple[YearRef, ...]:
    """``refs`` less those inside an aside of ``text[start:end]`` that ``place`` is not in
    (none, when the sentence's only years are in such asides: "LeT, which carried out the
    2008 Mumbai attacks, runs camps in Muzaffarabad" gives no year for Muzaffarabad);
    with no place, less those in any aside (the years a sentence passes on)."""
    away = [
        (s, e)
        for s, e in asides(text, start, end)
        if place is None or not s <= place.start < e
    ]
    return tuple(r for r in refs if aside_at(away, r.start) is None)


def claim_at(text: str, start: int, end: int) -> int | None:
    """Where a claim of an attack starts in ``text[start:end]`` ("claimed responsibility",
    "took credit", "claimed the bombing"), or None."""
    match = _CLAIM.search(text, start, end)
    return match.start() if match else None


def reported_with_claim(text: str, sentence: Sentence, claim: int) -> Callable[[int], bool]:
    """A test of whether a place at an offset of ``sentence`` is part of what it reports
    along with its claim at ``claim``: in an earlier clause ("... in Dhaka, and the Islamic
    State claimed it"), or in what the claim names ("claimed the bombing of the shrine in
    Sehwan", up to the next comma, semicolon or "and"). Not a place of the claim's own
    clause ("al-Qaeda's official in Khurasan claimed responsibility"), nor after a claim
    that names nothing ("claimed responsibility", "claimed it")."""
    turns = [m.start() for m in _CONTRAST.finditer(text, sentence.start, claim)]
    clause = turns[-1] if turns else sentence.start
    named = claim
    if _CLAIMED_OBJECT.match(text, claim, sentence.end):
        stop = _OBJECT_END.search(text, claim, sentence.end)
        named = stop.start() if stop else sentence.end
    return lambda at: at < clause or claim <= at < named


def first_turn(text: str, sentence: Sentence) -> int | None:
    """Where the sentence first turns to another clause (", while", "; "), or None."""
    turn = _CONTRAST.search(text, sentence.start, sentence.end)
    return turn.start() if turn else None


def parted(
    text: str,
    sentence: Sentence,
    groups: list[GroupMention],
    referred: frozenset[str] = frozenset(),
    unknown: Sequence[GroupCandidate] = (),
) -> Callable[[GroupMention, Mention], bool]:
    """A test of whether a place lies in another contrasted clause ("..., while KIB fights
    in Idlib") than a group: one that names a group of its own, or names none while the
    group opens its own clause; ``referred``: the groups a first clause naming none refers
    back to ("the group ..., while IS-K ..."); ``unknown``: group-like names the lexicon
    lacks, which own their clauses as groups do ("..., and the Ittehad-ul-Mujahideen
    Pakistan operates in North Waziristan")."""
    actors = [(g.start, g.end, g.group_id) for g in groups]
    actors += [(c.start, c.end, f"?{c.text}") for c in unknown]
    # A name the lexicon lacks often comes with its introduction ("and a group called X").
    reach = {f"?{c.text}": _NAMED_REACH for c in unknown}
    # ", and" after a group's name goes on with a list of groups, not to another clause.
    ends = {end for _, end, _ in actors}
    turns = [
        m
        for m in _CONTRAST.finditer(text, sentence.start, sentence.end)
        if not (m.start() in ends and m.group()[1:].strip().lower() == "and")
    ]
    # A headline's "Taliban seize Kunduz as IS-K strikes Jalalabad": there a bare "as" or
    # "while" turns between two groups' clauses.
    if text[sentence.end - 1] not in PROSE_END:
        first_actor = min((start for start, _, _ in actors), default=sentence.end)
        turns += [
            m
            for m in _BARE_CONTRAST.finditer(text, sentence.start, sentence.end)
            if first_actor < m.start()
            and any(text[m.end() : start].lower() in ("", "the ") for start, _, _ in actors)
        ]
        turns.sort(key=lambda m: m.start())
    lead = _LEADING.match(text, sentence.start, sentence.end)
    if lead and turns and turns[0].start() < lead.end():
        lead = None
    relatives = _relatives(text, sentence, groups)
    if not turns and not lead:
        if not relatives:
            return lambda group, place: False
        return lambda group, place: _other_relative(relatives, group, place) is True
    cuts = [m.start() for m in turns]
    # A clause's own groups: those before the first turn, or the one a later clause opens
    # with ("while KIB", "; the TTP"), not one named further on ("while not under this
    # banner, ... with Wilayat Khurasan").
    first = {a for start, _, a in actors if start < (cuts[0] if cuts else sentence.end)}
    own: dict[int, set[str]] = {0: first or set(referred)}
    for k, turn in enumerate(turns, start=1):
        own[k] = {
            a
            for start, _, a in actors
            if 0 <= start - turn.end() <= reach.get(a, _SUBJECT_REACH)
            or _NAMED_AFTER.fullmatch(text, turn.end(), start)
        }
    if lead:
        # A leading subordinate clause ("Since the Taliban takeover of Kabul in 2021, the
        # TTP has regrouped in Kunar") is a clause of its own; the main clause's groups,
        # wherever they stand in it, are its actors.
        stop = (cuts + [sentence.end])[0]
        main = {a for start, _, a in actors if lead.end() <= start < stop}
        intro = {a for start, _, a in actors if start < lead.end()}
        cuts.insert(0, lead.end() - 1)
        own = {0: intro, 1: main or set(referred), **{k + 1: v for k, v in own.items() if k}}

    # A later clause that claims what an earlier one reports ("..., and the Islamic State
    # claimed it") is about that clause's places.
    bounds = [*cuts, sentence.end]
    claims = {k for k in range(1, len(bounds)) if _CLAIM.search(text, bounds[k - 1], bounds[k])}

    # The place a ", where" clause is about ("Kunar, where the TTP sheltered them") is in
    # that clause too.
    wheres = {
        bisect_right(cuts, m.start()): m.start()
        for m in turns
        if m.group()[1:].strip().lower() == "where"
    }

    def other(group: GroupMention, place: Mention) -> bool:
        relative = _other_relative(relatives, group, place)
        if relative is not None:
            return relative
        clause, home = bisect_right(cuts, place.start), bisect_right(cuts, group.start)
        if clause == home or (home in claims and clause < home):
            return False
        where = wheres.get(home)
        if where is not None and 0 <= where - place.end <= _WHERE_REACH:
            return False
        # Another group's clause, or one of no group when this group opens a later clause
        # of its own ("Officials in Herat said ..., while the Haqqani network moved to Gardez"),
        # unless that is a leading clause setting the scene ("When he was captured in
        # Faisalabad in 2002, Abu Zubaydah was in a safe house run by LeT").
        return bool(own[clause] - {group.group_id}) or (
            not own[clause]
            and home > 0
            and group.group_id in own[home]
            and not (lead and clause == 0)
        )

    return other


def _relatives(
    text: str, sentence: Sentence, groups: list[GroupMention]
) -> list[tuple[int, int, str]]:
    """Relative clauses about a group, with its id: "..., and the TTP leadership, which is
    based in Afghanistan's Kunar and Paktika provinces" (to the clause's end)."""
    found = []
    by_end = {g.end: g.group_id for g in groups}
    for match in _RELATIVE.finditer(text, sentence.start, sentence.end):
        head = _HEAD_NOUN.search(text, sentence.start, match.start())
        owner = by_end.get(head.start() if head else match.start())
        if owner is not None:
            stop = _CLAUSE_STOP.search(text, match.end(), sentence.end)
            found.append((match.start(), stop.start() if stop else sentence.end, owner))
    return found


def _other_relative(
    relatives: list[tuple[int, int, str]], group: GroupMention, place: Mention
) -> bool | None:
    """For a place in a relative clause about a group: whether ``group`` is another one;
    None for a place in none."""
    for start, end, owner in relatives:
        if start <= place.start < end:
            return group.group_id != owner
    return None
