"""Structure recognised in plain text (issue "structured TEI", parsing part): front matter,
contents lists, headings and their levels, lists, block quotations, artifacts, emphasis.

Most samples are blank-separated paragraphs with one paragraph per line (web and e-book exports),
padded with ordinary prose paragraphs so that each test looks at its own convention.
"""
from __future__ import annotations

from conftest import (
    FILLER,
    assert_all_valid,
    block_quotes,
    body,
    body_paragraphs,
    body_text,
    convert,
    front_text,
    header_text,
    heads,
    norm,
    notes,
    text_of,
    text_text,
    xp,
)

F = FILLER
PROSE = "\n\n".join(F)
TITLE = "The Left and the Party"


def doc(*parts: str, title: str = TITLE) -> str:
    return "\n\n".join([title, *parts]) + "\n"


def div_heads(tree, path: str = "/t:TEI/t:text/t:body") -> list:
    """(level, head text) of every div under `path`, in document order."""
    out = []
    for d in xp(tree, path + "//t:div"):
        h = xp(d, "t:head")
        level = len(xp(d, "ancestor::t:div")) + 1
        out.append((level, text_of(h[0]) if h else None))
    return out


# ---------------------------------------------------------------------------------------------
# front matter

FRONT = doc(
    "Essays on the Left Opposition, 1927-1940",
    "By Anna Kowalska",
    "To the memory of my father, who kept the old pamphlets.",
    "Transcribed by John Smith, March 2009.",
    PROSE,
    title="The Long Night",
)


def test_front_matter_goes_to_front_and_header_not_body():
    c = convert(FRONT)
    t = c.tree
    body_txt = body_text(t)
    for line in ("The Long Night", "Essays on the Left Opposition", "Anna Kowalska", "To the memory of",
                 "Transcribed by"):
        assert line not in body_txt, f"{line!r} left in the body"
    assert body_paragraphs(t) == F


def test_front_matter_title_subtitle_and_author_in_the_header():
    t = convert(FRONT).tree
    assert [norm(x.text) for x in xp(t, "//t:titleStmt/t:title[@type='main']")] == ["The Long Night"]
    assert [norm(x.text) for x in xp(t, "//t:titleStmt/t:title[@type='sub']")] == [
        "Essays on the Left Opposition, 1927-1940"]
    assert [norm(x.text) for x in xp(t, "//t:titleStmt/t:author")] == ["Anna Kowalska"]


def test_front_matter_title_page_byline_and_dedication():
    t = convert(FRONT).tree
    assert [text_of(x) for x in xp(t, "//t:front//t:titlePart[@type='main']")] == ["The Long Night"]
    assert [text_of(x) for x in xp(t, "//t:front//t:docAuthor")] == ["Anna Kowalska"]
    ded = xp(t, "//t:front/t:div[@type='dedication']")
    assert ded and "To the memory of my father" in text_of(ded[0])


def test_transcription_credit_is_kept_in_the_header():
    t = convert(FRONT).tree
    assert "Transcribed by John Smith" in header_text(t)


def test_author_line_without_by():
    t = convert(doc("Anna Kowalska", PROSE, title="The Long Night")).tree
    assert [norm(x.text) for x in xp(t, "//t:titleStmt/t:author")] == ["Anna Kowalska"]
    assert "Anna Kowalska" not in body_text(t)
    assert body_paragraphs(t) == F


def test_short_opening_paragraph_of_prose_stays_in_the_body():
    # three short sentences are prose, not a subtitle or a preface
    opening = "Nobody expected the split. It came all the same. This essay asks why."
    t = convert(doc("By Anna Kowalska", opening, PROSE, title="The Long Night")).tree
    assert body_paragraphs(t) == [opening, *F]
    assert opening not in front_text(t)


def test_title_with_author_after_a_dash():
    t = convert(doc(PROSE, title="The Contradiction of Trotsky - Claude Lefort")).tree
    assert [norm(x.text) for x in xp(t, "//t:titleStmt/t:title[@type='main']")] == ["The Contradiction of Trotsky"]
    assert [norm(x.text) for x in xp(t, "//t:titleStmt/t:author")] == ["Claude Lefort"]


# ---------------------------------------------------------------------------------------------
# the source's contents list

CONTENTS_BODY = [
    "Introduction", F[0],
    "1. The Turn of 1928", F[1], F[2],
    "2. The Exiles", F[3], F[4],
    "3. The Last Years", F[5],
]


def test_contents_list_without_page_numbers_is_left_out_of_the_body():
    src = doc("Contents\nIntroduction\n1. The Turn of 1928\n2. The Exiles\n3. The Last Years", *CONTENTS_BODY)
    t = convert(src).tree
    assert heads(t) == ["Introduction", "1. The Turn of 1928", "2. The Exiles", "3. The Last Years"]
    assert "Contents" not in text_text(t)
    assert len(xp(t, "/t:TEI/t:text/t:front/t:divGen[@type='toc']")) == 1
    assert body_paragraphs(t) == F


def test_contents_list_with_tabs_and_page_numbers_is_left_out_of_the_body():
    src = doc("Contents",
              "Introduction\t3\n1. The Turn of 1928\t5\n2. The Exiles\t12\n3. The Last Years\t20",
              *CONTENTS_BODY)
    t = convert(src).tree
    assert heads(t) == ["Introduction", "1. The Turn of 1928", "2. The Exiles", "3. The Last Years"]
    txt = text_text(t)
    assert "Contents" not in txt and "\t" not in txt
    assert len(xp(t, "//t:front/t:divGen[@type='toc']")) == 1
    assert body_paragraphs(t) == F


def test_contents_entries_wrapped_with_a_trailing_tab():
    src = doc("Contents",
              "Introduction\t3\nThe sociological interpretation of the left, centre and right wings of the\t\n"
              "Party\t5\nConclusion\t9",
              "Introduction", F[0],
              "The sociological interpretation of the left, centre and right wings of the Party", F[1], F[2],
              "Conclusion", F[3])
    t = convert(src).tree
    assert heads(t) == ["Introduction",
                        "The sociological interpretation of the left, centre and right wings of the Party",
                        "Conclusion"]
    assert body_paragraphs(t) == F[:4]


def test_no_divgen_without_a_contents_list():
    t = convert(doc(PROSE)).tree
    assert not xp(t, "//t:divGen")


# ---------------------------------------------------------------------------------------------
# headings


def test_numbered_headings_open_divisions():
    t = convert(doc("1. The Turn of 1928", F[0], F[1], "2. The Exiles", F[2], "3. The Last Years", F[3])).tree
    assert div_heads(t) == [(1, "1. The Turn of 1928"), (1, "2. The Exiles"), (1, "3. The Last Years")]
    divs = xp(t, "/t:TEI/t:text/t:body/t:div")
    assert [len(xp(d, "t:p")) for d in divs] == [2, 1, 1]
    assert all(d[0].tag.endswith("head") for d in divs)


def test_numbered_heading_with_a_leading_space():
    t = convert(doc("3. The Turn of 1928", F[0], F[1], " 4. The Exiles", F[2], F[3])).tree
    assert div_heads(t) == [(1, "3. The Turn of 1928"), (1, "4. The Exiles")]


def _chapters_with_their_notes(numbers: list[int], titles: list[str], sentences: list[str],
                               notes_heading: str) -> str:
    """Chapters numbered `numbers`, each with two calls [1] [2] and its notes section below."""
    parts = []
    for n, title in zip(numbers, titles):
        said = [sentences[(n + k) % len(sentences)] for k in range(4)]
        parts += [f"{n}. {title}", f"{said[0]}[1] {said[1]}", f"{said[2]}[2] {said[3]}",
                  notes_heading, f"[1] {title}, fol. {n}r.", f"[2] {title}, fol. {n}v."]
    return doc(*parts, title="Chronik einer Familie")


def _chapter_notes(tree) -> list[tuple[str, list[tuple[str | None, str | None, str]]]]:
    """(head, [(n, anchored, note text)]) of every top-level division."""
    return [(text_of(xp(d, "t:head")[0]), [(n.get("n"), n.get("anchored"), text_of(n)) for n in xp(d, ".//t:note")])
            for d in xp(tree, "/t:TEI/t:text/t:body/t:div")]


SAETZE = ["Im Winter zog die Familie nach Leipzig, wo der Vater eine Stelle an der Universität fand.",
          "Die Briefe dieser Jahre sprechen vom Geld, von den Kindern und vom Wetter.",
          "Erst im Frühjahr kam die Nachricht, dass das Haus in Gotha verkauft war.",
          "Die Mutter schrieb jeden Sonntag an ihre Schwester in Bremen."]
PHRASES = ["La traversée dura six semaines, et le navire perdit deux mâts dans une tempête.",
           "Les lettres de cette période parlent surtout du froid et du prix du pain.",
           "Au printemps, la famille s’installa dans une maison de bois près du fleuve.",
           "Le père tenait un registre de chaque dépense, jusqu’au moindre sou."]


def test_chapters_crossing_from_one_to_two_digits_are_one_level_with_their_own_notes():
    titles = ["Die Kindheit", "Die Schule", "Der Umzug", "Die Lehrjahre", "Die Wanderschaft", "Der Krieg",
              "Die Heimkehr", "Die Werkstatt", "Die Heirat", "Die Kinder", "Das Alter", "Der Nachlass"]
    t = convert(_chapters_with_their_notes(list(range(1, 13)), titles, SAETZE, "Anmerkungen")).tree
    assert div_heads(t) == [(1, f"{n}. {title}") for n, title in enumerate(titles, 1)]
    assert _chapter_notes(t) == [(f"{n}. {title}", [("1", None, f"{title}, fol. {n}r."),
                                                     ("2", None, f"{title}, fol. {n}v.")])
                                 for n, title in enumerate(titles, 1)]


def test_chapters_crossing_from_two_to_three_digits_are_one_level_with_their_own_notes():
    """Sequential numbering: chapter 100 follows 99 at its level, so its notes, numbered from 1
    again, are paired within it and not with the calls of the chapters before."""
    titles = ["Le départ", "La traversée", "L’arrivée", "Le premier hiver", "Le retour"]
    numbers = [97, 98, 99, 100, 101]
    t = convert(_chapters_with_their_notes(numbers, titles, PHRASES, "Notes")).tree
    assert div_heads(t) == [(1, f"{n}. {title}") for n, title in zip(numbers, titles)]
    assert _chapter_notes(t) == [(f"{n}. {title}", [("1", None, f"{title}, fol. {n}r."),
                                                    ("2", None, f"{title}, fol. {n}v.")])
                                 for n, title in zip(numbers, titles)]
    assert len({n.get("{http://www.w3.org/XML/1998/namespace}id") for n in notes(t)}) == 2 * len(numbers)


def test_roman_headings_with_lettered_subsections_nest_as_level_two():
    t = convert(doc("I. The Origins", F[0],
                    "a. The First Years", F[1],
                    "b. The Split", F[2],
                    "II. The Defeat", F[3],
                    "a. Exile", F[4],
                    "b. Prison", F[5])).tree
    assert div_heads(t) == [(1, "I. The Origins"), (2, "a. The First Years"), (2, "b. The Split"),
                            (1, "II. The Defeat"), (2, "a. Exile"), (2, "b. Prison")]
    assert body_paragraphs(t) == F


def test_roman_heading_iv():
    t = convert(doc("III. The Defeat", F[0], F[1], "IV. The Exile", F[2], F[3])).tree
    assert div_heads(t) == [(1, "III. The Defeat"), (1, "IV. The Exile")]


def test_short_title_lines_between_paragraphs_are_headings():
    t = convert(doc(F[0], "The Crisis of the Party", F[1], F[2], "The Years of Exile", F[3], F[4])).tree
    assert heads(t) == ["The Crisis of the Party", "The Years of Exile"]
    # the paragraph before the first heading stays in the body, outside any div
    assert [text_of(p) for p in xp(t, "/t:TEI/t:text/t:body/t:p")] == [F[0]]


def test_short_sentence_paragraph_is_not_a_heading():
    t = convert(doc(F[0], "Nobody answered him.", F[1], F[2])).tree
    assert heads(t) == []
    assert body_paragraphs(t) == [F[0], "Nobody answered him.", F[1], F[2]]


def test_all_caps_headings():
    t = convert(doc("THE CRISIS OF THE PARTY", F[0], F[1], "THE YEARS OF EXILE", F[2], F[3])).tree
    assert div_heads(t) == [(1, "THE CRISIS OF THE PARTY"), (1, "THE YEARS OF EXILE")]


def test_references_go_to_back():
    t = convert(doc("1. The Turn", F[0], F[1], "2. The Exiles", F[2], F[3], "References",
                    "Carr, E.H. 1971, Foundations of a Planned Economy, London: Macmillan.",
                    "Deutscher, Isaac 1959, The Prophet Unarmed, Oxford: Oxford University Press.")).tree
    back = xp(t, "/t:TEI/t:text/t:back")
    assert back, "no <back>"
    assert [text_of(h) for h in xp(back[0], ".//t:head")] == ["References"]
    assert "Carr, E.H. 1971" in text_of(back[0]) and "Deutscher, Isaac 1959" in text_of(back[0])
    assert "References" not in heads(t)
    assert "Carr, E.H." not in body_text(t)


def test_chapter_number_line_followed_by_its_title_is_one_heading():
    t = convert(doc("CHAPTER IV.", "The Exile in Turkey", F[0], F[1], F[2],
                    "CHAPTER V.", "The Years in France", F[3], F[4], F[5])).tree
    divs = xp(t, "/t:TEI/t:text/t:body/t:div")
    assert len(divs) == 2
    h = [text_of(d[0]) for d in divs]
    assert "CHAPTER IV" in h[0] and "The Exile in Turkey" in h[0]
    assert "CHAPTER V" in h[1] and "The Years in France" in h[1]
    assert body_paragraphs(t) == F
    assert "The Exile in Turkey" not in front_text(t)


def test_caps_opening_after_a_heading_is_a_paragraph_not_a_heading():
    opening = ("FOLLOWING THE removal of the leader from Moscow, the opposition lost its centre. " + F[0])
    t = convert(doc("1. The Exile", opening, F[1], "2. The Last Years", "THE SMALL groups in France "
                    "were divided. " + F[2], F[3])).tree
    assert div_heads(t) == [(1, "1. The Exile"), (1, "2. The Last Years")]
    paras = body_paragraphs(t)
    assert paras[0] == opening
    assert paras[2].startswith("THE SMALL groups in France were divided.")


def test_table_of_figures_does_not_become_headings():
    table = "1926 76.8 1.2\n\n1927 72.8 1.4\n\n1928 73.3 1.0\n\n1929 71.7 0.9"
    t = convert(doc("1. Grain", F[0], F[1], "Table 1: grain output", table, F[2], F[3])).tree
    for row in ("1926", "1927", "1928", "1929"):
        assert not any(row in h for h in heads(t)), heads(t)
        assert row in body_text(t)
    assert not notes(t), "figures in a table taken for note calls"


def test_table_rows_of_short_words_and_figures_are_not_headings():
    table = "Moscow 1200 840\nLeningrad 900 610\nKharkov 400 220\nKiev 350 150"
    t = convert(doc(F[0], F[1], "Membership of the opposition, 1927:", table, F[2], F[3])).tree
    assert heads(t) == []
    for city in ("Moscow 1200 840", "Leningrad 900 610", "Kharkov 400 220", "Kiev 350 150"):
        assert city in body_text(t)


# ---------------------------------------------------------------------------------------------
# lists


def _items(tree, rend: str) -> list[list[str]]:
    return [[text_of(i) for i in xp(lst, "t:item")] for lst in xp(tree, f"//t:body//t:list[@rend='{rend}']")]


def test_bulleted_list_with_bullets():
    t = convert(doc(F[0], F[1], "The platform made three demands:",
                    "• the restoration of party democracy;\n• a faster tempo of industrialisation;\n"
                    "• a struggle against the kulak.", F[2], F[3])).tree
    assert _items(t, "bulleted") == [["the restoration of party democracy;", "a faster tempo of industrialisation;",
                                      "a struggle against the kulak."]]
    assert "•" not in body_text(t)
    assert body_paragraphs(t)[2] == "The platform made three demands:"


def test_bulleted_list_with_dashes():
    t = convert(doc(F[0], F[1], "The demands were:", "- party democracy\n- industrialisation\n- a new policy",
                    F[2], F[3], F[4])).tree
    assert _items(t, "bulleted") == [["party democracy", "industrialisation", "a new policy"]]
    assert body_paragraphs(t)[-3:] == F[2:5]


def test_bulleted_list_with_asterisks():
    t = convert(doc(F[0], F[1], "The demands were:", "* party democracy\n* industrialisation\n* a new policy",
                    F[2], F[3], F[4])).tree
    assert _items(t, "bulleted") == [["party democracy", "industrialisation", "a new policy"]]
    assert not xp(t, "//t:body//t:hi"), "asterisk bullets read as emphasis"


def test_numbered_list_with_dots():
    t = convert(doc(F[0], F[1], "The programme had three points:",
                    "1. The restoration of party democracy.\n2. A faster tempo of industrialisation.\n"
                    "3. A struggle against the kulak.", F[2], F[3], F[4])).tree
    lists = xp(t, "//t:body//t:list[@rend='numbered']")
    assert len(lists) == 1
    assert [i.get("n") for i in xp(lists[0], "t:item")] == ["1", "2", "3"]
    assert [text_of(i) for i in xp(lists[0], "t:item")] == [
        "The restoration of party democracy.", "A faster tempo of industrialisation.", "A struggle against the kulak."]
    assert heads(t) == [] and not notes(t)


def test_numbered_list_with_brackets():
    t = convert(doc(F[0], F[1], "The programme had three points:",
                    "(1) The restoration of party democracy.\n(2) A faster tempo of industrialisation.\n"
                    "(3) A struggle against the kulak.", F[2], F[3], F[4])).tree
    lists = xp(t, "//t:body//t:list[@rend='numbered']")
    assert len(lists) == 1
    assert [i.get("n") for i in xp(lists[0], "t:item")] == ["1", "2", "3"]
    assert not notes(t), "list numbers taken for note calls"
    assert body_paragraphs(t)[-3:] == F[2:5]


def test_run_in_enumeration_inside_a_block_quotation():
    quote = ("        (1) to restore the elected committees in the factories; (2) to publish the platform of "
             "the opposition; (3) to convene an extraordinary congress before the end of the year.")
    t = convert(doc(F[0], F[1], "The resolution listed the tasks of the moment:", quote, F[2], F[3], F[4])).tree
    qs = block_quotes(t)
    assert len(qs) == 1
    items = xp(qs[0], ".//t:list/t:item")
    assert [i.get("n") for i in items] == ["1", "2", "3"]
    assert [text_of(i) for i in items] == ["to restore the elected committees in the factories;",
                                           "to publish the platform of the opposition;",
                                           "to convene an extraordinary congress before the end of the year."]
    assert not notes(t)


# ---------------------------------------------------------------------------------------------
# block quotations without quote marks

QUOTED = ("The bureaucracy has raised itself above the party and the class; it no longer answers to "
          "anyone, and it will not give up its power without a struggle.")


def test_block_quote_after_colon_lead_in_ending_with_a_note_call():
    lead = ("In a letter to the congress of 1927 the leader of the opposition warned his comrades "
            "against any illusion about the intentions of the majority:¹")
    t = convert(doc(F[0], F[1], lead, QUOTED, F[2], F[3], "Notes", "¹ Writings 1927, p. 41.")).tree
    qs = block_quotes(t)
    assert [text_of(q) for q in qs] == [QUOTED]
    assert body_paragraphs(t) == [F[0], F[1], lead.rstrip("¹"), F[2], F[3]]
    # the note stands after the colon of the lead-in
    n = notes(t)
    assert len(n) == 1 and n[0].getparent().tag.endswith("p")


def test_block_quote_after_colon_lead_in_ending_with_the_quotes_own_call():
    lead = "In a letter to the congress of 1927 the leader of the opposition wrote:"
    t = convert(doc(F[0], F[1], lead, QUOTED + "¹", F[2], F[3], "Notes", "¹ Writings 1927, p. 41.")).tree
    qs = block_quotes(t)
    assert [text_of(q) for q in qs] == [QUOTED]
    assert len(xp(qs[0], ".//t:note")) == 1


def test_indented_block_quotation_of_two_paragraphs():
    t = convert(doc(F[0], F[1],
                    "        The working class will not forgive those who betrayed it, and it will remember "
                    "the names of those who stood firm.",
                    "        It will remember them when the time comes.",
                    F[2], F[3])).tree
    qs = block_quotes(t)
    assert len(qs) == 1
    assert [text_of(p) for p in xp(qs[0], "t:p")] == [
        "The working class will not forgive those who betrayed it, and it will remember the names of "
        "those who stood firm.", "It will remember them when the time comes."]
    assert body_paragraphs(t) == F[:4]


def test_quotation_continuing_a_lead_in_sentence_in_lower_case():
    t = convert(doc(F[0], F[1], "The old man wrote, in the same letter, that the opposition would",
                    "not abandon the struggle, whatever the price, and that history would judge who had "
                    "been right.¹", F[2], F[3], "Notes", "¹ Writings 1927, p. 43.")).tree
    qs = block_quotes(t)
    assert len(qs) == 1
    assert text_of(qs[0]).startswith("not abandon the struggle")
    assert [n.get("n") for n in xp(qs[0], ".//t:note")] == ["1"]
    assert "The old man wrote, in the same letter, that the opposition would" in body_paragraphs(t)


def test_quotation_continuing_over_a_page_break():
    lines = [
        TITLE, "",
        *__import__("conftest").wrap(F[0]),
        "In his diary for 1935 Trotsky wrote:",
        "    I think that the work in which I am engaged now, despite its extremely",
        "    insufficient and fragmentary nature, is the most important work of",
        "",
        "    my life, more important than 1917, more important than the period of",
        "    the Civil War or any other.",
        *__import__("conftest").wrap(F[1]),
        *__import__("conftest").wrap(F[2]),
    ]
    t = convert("\n".join(lines) + "\n").tree
    qs = block_quotes(t)
    assert len(qs) == 1, [text_of(q) for q in qs]
    assert text_of(qs[0]) == ("I think that the work in which I am engaged now, despite its extremely "
                              "insufficient and fragmentary nature, is the most important work of my life, "
                              "more important than 1917, more important than the period of the Civil War "
                              "or any other.")
    assert body_paragraphs(t) == [F[0], "In his diary for 1935 Trotsky wrote:", F[1], F[2]]


# ---------------------------------------------------------------------------------------------
# artifacts

ARTIFACTS = doc(
    "Image removed.",
    F[0] + "</br/>",
    "The leader of the opposition wrote that the Bulletin must appear every month.$^{^{1}}$ " + F[1],
    "[b]" + F[2] + "[/b]",
    F[3], F[4],
    "1 Biulleten Oppozitsii, No. 1, 1929.",
    TITLE,
    "Retrieved on 30th August 2020 from <www.example.org/library/the-left-and-the-party>",
    "www.example.org",
)


def test_artifacts_are_gone_from_the_text():
    t = convert(ARTIFACTS).tree
    txt = text_text(t)
    for residue in ("</br/>", "<", "$", "^{", "[b]", "[/b]", "Image removed", "Retrieved on", "www.example.org"):
        assert residue not in txt, residue
    assert body_paragraphs(t) == [F[0], "The leader of the opposition wrote that the Bulletin must appear "
                                        "every month. " + F[1], F[2], F[3], F[4]]


def test_latex_superscript_becomes_a_note_call():
    t = convert(ARTIFACTS).tree
    n = notes(t)
    assert len(n) == 1 and n[0].get("n") == "1"
    assert text_of(n[0]) == "Biulleten Oppozitsii, No. 1, 1929."
    from conftest import text_before
    assert text_before(n[0]).endswith("must appear every month.")


def test_latex_superscript_number_fourteen():
    src = doc(F[0], "This was the decisive turn.$^{^{14}}$ " + F[1], F[2], F[3],
              "Notes", "14 Pravda, 1 May 1928.")
    t = convert(src).tree
    n = notes(t)
    assert [x.get("n") for x in n] == ["14"]
    assert "$" not in text_text(t) and "14 Pravda" not in body_text(t)


def test_artifacts_and_colophon_are_declared_in_the_header():
    t = convert(ARTIFACTS).tree
    enc = text_of(xp(t, "//t:teiHeader/t:encodingDesc")[0])
    for residue in ("</br/>", "Image removed.", "[b]", "Retrieved on 30th August 2020", "www.example.org"):
        assert residue in enc, residue


def test_text_repeating_the_title_mid_body_is_not_taken_for_a_colophon():
    para = "The Left and the Party was the title of his last pamphlet, and it was read in every cell. " + F[5]
    t = convert(doc(F[0], F[1], para, F[2], F[3])).tree
    assert body_paragraphs(t) == [F[0], F[1], para, F[2], F[3]]


# ---------------------------------------------------------------------------------------------
# emphasis


def test_asterisk_and_underscore_emphasis_become_hi():
    p = ("The struggle would be *long and hard*, he wrote in the _Bulletin_, and nobody should expect "
         "a quick victory. " + F[0])
    t = convert(doc(p, F[1], F[2])).tree
    his = xp(t, "//t:body//t:hi")
    assert [text_of(h) for h in his] == ["long and hard", "Bulletin"]
    assert "*" not in body_text(t) and "_" not in body_text(t)
    assert body_paragraphs(t)[0].startswith("The struggle would be long and hard, he wrote in the Bulletin, and")


def test_arithmetic_and_identifiers_are_not_emphasis():
    p = ("The plan foresaw 5 * 3 new plants in the file_name of the ministry, and output grew. " + F[0])
    t = convert(doc(p, F[1], F[2])).tree
    assert not xp(t, "//t:body//t:hi")
    assert "5 * 3" in body_text(t) and "file_name" in body_text(t)


# ---------------------------------------------------------------------------------------------
# validity

SAMPLES = {
    "front": FRONT,
    "contents": doc("Contents\nIntroduction\n1. The Turn of 1928\n2. The Exiles\n3. The Last Years",
                    *CONTENTS_BODY),
    "roman-letter": doc("I. The Origins", F[0], "a. The First Years", F[1], "b. The Split", F[2],
                        "II. The Defeat", F[3]),
    "chapter": doc("CHAPTER IV.", "The Exile in Turkey", F[0], F[1], F[2], "CHAPTER V.", "The Years", F[3]),
    "references": doc("1. The Turn", F[0], F[1], "References", "Carr, E.H. 1971, Foundations, London."),
    "lists": doc(F[0], F[1], "Demands:", "• one;\n• two;\n• three.", "(1) a.\n(2) b.\n(3) c.", F[2]),
    "quote-list": doc(F[0], F[1], "The tasks:", "        (1) to restore; (2) to publish; (3) to convene.",
                      F[2], F[3]),
    "artifacts": ARTIFACTS,
    "emphasis": doc("The struggle would be *long*, he wrote in the _Bulletin_. " + F[0], F[1]),
}


def test_every_structure_sample_is_valid_tei(tei_all):
    assert_all_valid(tei_all, SAMPLES)


def test_body_has_no_empty_paragraphs():
    for name, src in SAMPLES.items():
        t = convert(src).tree
        empty = [p for p in xp(t, "//t:body//t:p") if not text_of(p, True) and not len(p)]
        assert not empty, name
        assert body(t) is not None
