#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every user-visible string can be translated whole, and makes the translators'
template.

Runs lupdate over the sources into OUT/clusterdesk.ts (the template translators start from; it
is made here, in the build folder, not kept in the source tree) and fails on:

  lupdate       any warning lupdate prints about a source line ("Cannot invoke tr() like this",
                "Discarding unconsumed meta data", "tr() cannot be called without context",
                "Class '...' lacks Q_OBJECT macro", "Qualifying with unknown namespace/class", ...):
                each means a message lupdate missed or filed under another context than the one
                the code translates it with at run time;
  edge-space    a source text that starts or ends with white space: a piece of a sentence glued
                to others (tr("Uploading ") + name); except a spin box's prefix or suffix, whose
                disambiguation says so (tr(" days", "spin box suffix"));
  fragment      a source text that is only a joining word ("and", "of", "to", ...) or only
                punctuation, without a placeholder: the glue between translated pieces;
  hand-plural   "(s)" or "(es)" in a source text that is not a plural with %n
                (tr("%n file(s)", nullptr, n));
  plural-n      a plural message (tr() given a count) whose text has no %n, or a text with %n
                that is not given a count (the %n would be shown as is);
  literal       a literal with words (QStringLiteral, u"..."_s, "..."_L1, QLatin1String) passed
                to a call that shows text to the user (setText, setToolTip, setWindowTitle,
                QMessageBox, addAction, setPlaceholderText, ... in ui/; failure(), Error{...}
                in app/ and sshcore/; in a cli/ folder (clusterdesk-cli) also printError(),
                note(), askYes(), a QCommandLineOption's or positional argument's description,
                setApplicationDescription(), "*error = "): it would never be translated; and in
                a cli/ folder any string literal with words (a printf format without its %s,
                %d, ...) in what goes to the terminal through std::printf, std::fprintf,
                std::fputs, out() << or err() << (machine-readable output, CSV and the
                like, goes through other streams; printUsage() takes a command's synopsis,
                which stays literal like the names of commands and options);
  wrapper       a string literal given straight to a translating helper other than tr()
                (dragTr("...")): lupdate does not see it unless wrapped in QT_TRANSLATE_NOOP.
  english-plural
                (with --english TS) a message with a count that has no finished English singular
                and plural in TS (resources/translations/clusterdesk_en.ts, built into the
                program: "%n file(s)" must read "1 file", "2 files"), or an entry there that is no
                longer in the sources.

Lines of tests/i18n/allowed-literals.txt ("path: text  # reason") allow a literal the scanner
would flag. With --pseudo, also writes OUT/clusterdesk_pseudo.qm: every message "translated" to
itself between ⟦ and ⟧, which tst_translations loads to see that the contexts lupdate chose are
the ones the code looks up at run time.

--expect RULE,... (the self-test over tests/i18n/planted): succeed only when exactly these rules
fire, and exactly on the lines whose trailing comment names the rule (label->setText(...); // literal).
"""

import argparse
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

JOINING_WORDS = {"and", "or", "of", "to", "from", "in", "on", "at", "by", "with", "for", "the", "a", "an",
                 "but", "into", "as", "than", "then", "not", "no"}

STRING = r'"((?:[^"\\\n]|\\.)*)"'
STRINGS = r'("(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*)'  # "one " "literal" over lines
LITERAL = re.compile(r'QStringLiteral\(\s*' + STRINGS + r'\s*\)|u' + STRING + r'_s\b|' + STRING + r'_L1\b|'
                     r'QLatin1String(?:View)?\(\s*' + STRINGS + r'\s*\)')
WORDS = re.compile(r'[A-Za-z]{2,}[^"]* +[^"]*[A-Za-z]')

UI_CALLS = re.compile(
    r'\b(?:setText|setToolTip|setStatusTip|setWhatsThis|setWindowTitle|setPlaceholderText|setTitle|setLabelText'
    r'|setInformativeText|setDetailedText|setSuffix|setPrefix|setSpecialValueText|showMessage|addAction|addMenu'
    r'|addTab|insertTab|setTabText|setTabToolTip|addItem|addRow|setHeaderLabels|setItemText|setAccessibleName'
    r'|QMessageBox::(?:information|warning|critical|question|about)|QMessageBox|getText|getOpenFileName'
    r'|getSaveFileName|getExistingDirectory'
    r'|new\s+(?:QLabel|QPushButton|QToolButton|QCheckBox|QRadioButton|QGroupBox|QAction|QMenu|QMessageBox))\s*\(')
ERROR_CALLS = re.compile(r'\b(?:failure|withMessage|prefixed)\s*\(|\bError\s*\{|\{\s*ErrorKind::\w+\s*,')
# clusterdesk-cli (a cli/ folder): its messages, its help, and what it prints (PRINT_CALLS, where
# plain string literals count too).
CLI_CALLS = re.compile(
    ERROR_CALLS.pattern + r'|\b(?:printError|note|askYes|setApplicationDescription|addPositionalArgument)\s*\('
    r'|\bQCommandLineOption\s*(?:\w+\s*)?[({]|\*\s*error\s*=(?!=)')
PRINT_CALLS = re.compile(r'\bstd::(?:printf|fprintf|fputs|puts)\s*\(|\b(?:out|err)\(\)\s*<<')
TRANSLATED = re.compile(r'\b(?:tr|QT_TR_NOOP)\s*\(\s*' + STRINGS + r'|\b(?:translate|QT_TRANSLATE_NOOP)\s*\(\s*'
                        + STRING + r'\s*,\s*' + STRINGS)
PRINTF_CONVERSION = re.compile(r'%[-+ #0-9.*]*(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsp%]|\\.')
RULES = ("lupdate", "edge-space", "fragment", "hand-plural", "plural-n", "literal", "wrapper")
WRAPPER = re.compile(r'\b(?!tr\b)(\w*[a-z]Tr)\(\s*"')


def call_text(lines, index, start):
    """The call starting at lines[index][start:] up to its closing parenthesis (at most 8 lines)."""
    text, depth = "", 0
    for line in lines[index:index + 8]:
        segment = line[start:] if not text else line
        for position, char in enumerate(segment):
            if char in "({":
                depth += 1
            elif char in ")}":
                depth -= 1
                if depth <= 0:
                    return text + segment[:position + 1]
        text += segment + "\n"
    return text


def statement_text(lines, index, start):
    """The statement starting at lines[index][start:] up to its semicolon (at most 8 lines)."""
    text = ""
    for line in lines[index:index + 8]:
        segment = line[start:] if not text else line
        if ";" in segment:
            return text + segment[:segment.index(";") + 1]
        text += segment + "\n"
    return text


def calls_for(relative):
    """The calls that show text in a file, and whether its printing calls are scanned too."""
    folders = pathlib.PurePosixPath(relative).parts[:-1]
    if "cli" in folders:
        return CLI_CALLS, True
    return (ERROR_CALLS if folders and folders[0] in ("app", "sshcore") else UI_CALLS), False


def scan_literals(root, folders, allowed):
    problems = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.cpp")) + sorted((root / folder).rglob("*.h")):
            relative = path.relative_to(root).as_posix()
            calls, prints = calls_for(relative)
            lines = path.read_text(encoding="utf-8").split("\n")
            for index, line in enumerate(lines):
                stripped = line.lstrip()
                if stripped.startswith("//"):
                    continue
                for wrapper in WRAPPER.finditer(line):
                    problems.append(("wrapper", f"{relative}:{index + 1}",
                                     f"{wrapper.group(1)}() is given a literal lupdate does not see; wrap it in "
                                     "QT_TRANSLATE_NOOP(context, ...)"))
                texts = []
                for call in calls.finditer(line):
                    for literal in LITERAL.finditer(call_text(lines, index, call.start())):
                        text = next(group for group in literal.groups() if group is not None)
                        texts.append("".join(re.findall(STRING, text)) if text.startswith('"') else text)
                for call in (PRINT_CALLS.finditer(line) if prints else ()):
                    extent = statement_text if call.group(0).endswith("<<") else call_text
                    printed = TRANSLATED.sub("tr()", extent(lines, index, call.start()))
                    texts += ["".join(re.findall(STRING, text)) for text in re.findall(STRINGS, printed)]
                for text in dict.fromkeys(texts):
                    if WORDS.search(PRINTF_CONVERSION.sub("", text)) and (relative, text) not in allowed:
                        problems.append(("literal", f"{relative}:{index + 1}",
                                         f'"{text}" is shown to the user but not translated: use tr()'))
    return problems


def planted_lines(root, folders):
    """(file, line, rule) of each line whose trailing comment names the rule it plants."""
    marked = set()
    for folder in folders:
        for path in sorted((root / folder).rglob("*.cpp")) + sorted((root / folder).rglob("*.h")):
            for index, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
                code, _, comment = line.partition("//")
                rule = re.match(r"\s*([a-z-]+)\b", comment)
                if code.strip() and rule and rule.group(1) in RULES:
                    marked.add((path.relative_to(root).as_posix(), index + 1, rule.group(1)))
    return marked


def compare_planted(marked, problems):
    """What differs between the planted lines and the problems found: a list of complaints."""
    found = set()
    for rule, where, _ in problems:
        file, _, line = where.rpartition(":")
        known = next((path for path, _, _ in marked if path.endswith(file) or file.endswith(path)), file)
        found.add((known, int(line) if line.isdigit() else 0, rule))
    return [f"{file}:{line}: [{rule}] planted but not caught" for file, line, rule in sorted(marked - found)] + \
        [f"{file}:{line}: [{rule}] caught where nothing was planted" for file, line, rule in sorted(found - marked)]


def read_allowed(path):
    allowed = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("  #")[0].strip()
            if line and not line.startswith("#"):
                file, _, text = line.partition(": ")
                allowed.add((file, text))
    return allowed


def check_messages(ts_path):
    problems = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            location = message.find("location")
            where = f"{location.get('filename')}:{location.get('line')}" if location is not None else name
            where = re.sub(r"^(\.\./)+", "", where)
            plural = message.get("numerus") == "yes"
            bare = re.sub(r"%(?:\d+|n)|<[^>]*>|&", "", source)
            comment = message.findtext("comment") or ""
            if source != source.strip() and not re.search(r"\b(prefix|suffix)\b", comment):
                problems.append(("edge-space", where, f'"{source}" starts or ends with a space: a glued piece'))
            if not re.search(r"%(\d+|n)", source) and (
                    not re.search(r"[^\W\d_]", bare) or bare.strip(" .,:;!?()-").lower() in JOINING_WORDS):
                problems.append(("fragment", where, f'"{source}" is only a joining word or punctuation'))
            if re.search(r"\((?:s|es)\)", source) and not plural:
                problems.append(("hand-plural", where, f'"{source}": a plural by hand; use %n with a count'))
            if plural != ("%n" in source):
                problems.append(("plural-n", where, f'"{source}": %n and a count go together'))
    return problems


def numerus_messages(ts_path):
    return {(context.findtext("name"), message.findtext("source")): message
            for context in ET.parse(ts_path).getroot().iter("context")
            for message in context.iter("message") if message.get("numerus") == "yes"}


def check_english(ts_path, english_path):
    """Every message with a count has its English singular and plural in english_path, and nothing
    else is there."""
    problems = []
    wanted, english = numerus_messages(ts_path), numerus_messages(english_path)
    name = english_path.name
    for key in sorted(wanted.keys() - english.keys()):
        problems.append(("english-plural", key[0], f'"{key[1]}" has no English singular and plural in {name}'))
    for key in sorted(english.keys() - wanted.keys()):
        problems.append(("english-plural", key[0], f'"{key[1]}" in {name} is no longer in the sources'))
    for key in sorted(wanted.keys() & english.keys()):
        translation = english[key].find("translation")
        forms = [form.text or "" for form in translation.iter("numerusform")]
        if translation.get("type") or len(forms) != 2 or not all(f.strip() for f in forms):
            problems.append(("english-plural", key[0], f'"{key[1]}" needs both English forms, finished, in {name}'))
    return problems


def pseudo_translate(ts_path, out_path):
    tree = ET.parse(ts_path)
    tree.getroot().set("language", "en")
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = f"⟦{source}⟧"
        else:
            translation.text = f"⟦{source}⟧"
    tree.write(out_path, encoding="utf-8", xml_declaration=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source-dir", type=pathlib.Path, required=True)
    parser.add_argument("--output-dir", type=pathlib.Path, required=True)
    parser.add_argument("--lupdate", default="lupdate")
    parser.add_argument("--lrelease", default="lrelease")
    parser.add_argument("--folders", nargs="+", default=["app", "ui", "sshcore"])
    parser.add_argument("--pseudo", action="store_true")
    parser.add_argument("--expect", default=None)
    parser.add_argument("--english", type=pathlib.Path, default=None,
                        help="the English plurals' translation every message with a count must be in")
    arguments = parser.parse_args()

    root = arguments.source_dir.resolve()
    arguments.output_dir.mkdir(parents=True, exist_ok=True)
    ts_path = arguments.output_dir / "clusterdesk.ts"
    ts_path.unlink(missing_ok=True)
    run = subprocess.run([arguments.lupdate, "-I", str(root), "-source-language", "en", "-no-obsolete",
                          *[str(root / folder) for folder in arguments.folders], "-ts", str(ts_path)],
                         capture_output=True, text=True, check=False)
    problems = []
    for line in (run.stdout + run.stderr).splitlines():
        match = re.match(r"^(/\S+?):(\d+): (.*)$", line)
        if match:
            where = f"{pathlib.Path(match.group(1)).resolve().relative_to(root).as_posix()}:{match.group(2)}"
            problems.append(("lupdate", where, match.group(3)))
    if run.returncode != 0 or not ts_path.exists():
        print(run.stdout + run.stderr, file=sys.stderr)
        print("check-translations: lupdate failed", file=sys.stderr)
        return 1
    problems += check_messages(ts_path)
    if arguments.english is not None:
        problems += check_english(ts_path, arguments.english)
    problems += scan_literals(root, arguments.folders, read_allowed(root / "tests/i18n/allowed-literals.txt"))
    for rule, where, what in problems:
        print(f"{where}: [{rule}] {what}")

    if arguments.pseudo:
        pseudo_ts = arguments.output_dir / "clusterdesk_pseudo.ts"
        pseudo_translate(ts_path, pseudo_ts)
        subprocess.run([arguments.lrelease, "-silent", str(pseudo_ts), "-qm",
                        str(arguments.output_dir / "clusterdesk_pseudo.qm")], check=True)

    count = sum(1 for _ in ET.parse(ts_path).getroot().iter("message"))
    if arguments.expect is not None:
        expected, found = set(arguments.expect.split(",")), {rule for rule, _, _ in problems}
        if expected != found:
            print(f"check-translations: expected the rules {sorted(expected)} to fire, got {sorted(found)}")
            return 1
        complaints = compare_planted(planted_lines(root, arguments.folders), problems)
        for complaint in complaints:
            print(complaint)
        if complaints:
            print("check-translations: the planted lines and what was caught differ")
            return 1
        print(f"check-translations: the planted strings were caught ({', '.join(sorted(found))})")
        return 0
    print(f"check-translations: {count} messages in {ts_path}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
