// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The manual pages as installed (configured into the build folder): mandoc's and man's checks pass
// without a warning, and each program's --help and its page name the same options (and, for
// clusterdesk-cli, the same commands), so that neither can gain one the other does not have.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(30000)) {
        result.err = u"%1 did not finish: %2"_s.arg(program, process.errorString());
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString page(const QString &name)
{
    return QStringLiteral(CLUSTERDESK_MAN_DIR "/man1/") + name + u".1"_s;
}

// The lines of the section named title (".SH TITLE" to the next ".SH").
QStringList section(const QString &source, const QString &title)
{
    QStringList lines;
    bool inside = false;
    for (const QString &line : source.split(u'\n')) {
        if (line.startsWith(u".SH "_s))
            inside = line.mid(4).trimmed() == title;
        else if (inside)
            lines.append(line);
    }
    return lines;
}

// A .TP tag as it reads: font changes and quotes gone, "\-" as "-".
QString plainTag(QString tag)
{
    static const QRegularExpression fonts(u"\\\\f[BIRP]"_s);
    static const QRegularExpression macro(u"^\\.(B|I|BR|BI|IR|RI|IB|RB)\\s+"_s);
    tag.remove(fonts).remove(macro).remove(u'"');
    tag.replace(u"\\-"_s, u"-"_s).replace(u"\\&"_s, QString());
    return tag.simplified();
}

// The tags of the .TP items of a section.
QStringList tags(const QStringList &lines)
{
    QStringList found;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i).trimmed() == u".TP")
            found.append(plainTag(lines.at(i + 1)));
    }
    return found;
}

// Every -x and --long named in the text.
QSet<QString> optionsIn(const QString &text)
{
    static const QRegularExpression option(u"(?<![\\w-])(--[a-z0-9][a-z0-9-]*|-[a-zA-Z])(?![\\w-])"_s);
    QSet<QString> found;
    for (const auto &match : option.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

// --help's options: its "Options:" block, the option part of each line (before the description).
QSet<QString> helpOptions(const QString &help)
{
    QSet<QString> found;
    bool inside = false;
    for (const QString &line : help.split(u'\n')) {
        if (line.endsWith(u':') && !line.startsWith(u' ')) {
            inside = line == u"Options:";
            continue;
        }
        static const QRegularExpression entry(u"^  (-\\S.*?)(\\s{2,}|$)"_s);
        if (const auto match = entry.match(line); inside && match.hasMatch())
            found += optionsIn(match.captured(1));
    }
    return found;
}

// "exec TARGET ..." -> {"exec"}; "cancel|hold|release ..." -> three; "jupyter start ..." -> "jupyter start".
QSet<QString> commandsOf(const QString &entry)
{
    const QStringList words = entry.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    if (words.first() == u"jupyter" && words.size() > 1)
        return {u"jupyter "_s + words.at(1)};
    const QStringList names = words.first().split(u'|');
    return QSet<QString>(names.begin(), names.end());
}

QString difference(const QSet<QString> &help, const QSet<QString> &man)
{
    QStringList onlyHelp = (help - man).values(), onlyMan = (man - help).values();
    onlyHelp.sort();
    onlyMan.sort();
    return u"only in --help: [%1]; only in the manual page: [%2]"_s.arg(onlyHelp.join(u", "_s), onlyMan.join(u", "_s));
}

} // namespace

class tst_ManPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lint_data();
    void lint();
    void optionsMatchHelp_data();
    void optionsMatchHelp();
    void commandsMatchHelp();
};

void tst_ManPages::lint_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("clusterdesk-cli(1)") << page(u"clusterdesk-cli"_s);
#ifdef CLUSTERDESK_GUI_PROGRAM
    QTest::newRow("clusterdesk(1)") << page(u"clusterdesk"_s);
#endif
}

void tst_ManPages::lint()
{
    QFETCH(QString, file);
    QVERIFY2(QFile::exists(file), qPrintable(file));
    const Run mandoc = run(u"mandoc"_s, {u"-T"_s, u"lint"_s, file});
    QVERIFY2(mandoc.exitCode == 0 && mandoc.out.isEmpty() && mandoc.err.isEmpty(), qPrintable(mandoc.out + mandoc.err));
    // man-db through groff, with every warning; the page itself is not wanted here.
    const Run man = run(u"sh"_s, {u"-c"_s, u"man --warnings -E UTF-8 -l \"$1\" >/dev/null"_s, u"sh"_s, file});
    QVERIFY2(man.exitCode == 0 && man.err.isEmpty(), qPrintable(man.err));
}

void tst_ManPages::optionsMatchHelp_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("file");
    QTest::newRow("clusterdesk-cli") << QStringLiteral(CLUSTERDESK_CLI) << page(u"clusterdesk-cli"_s);
#ifdef CLUSTERDESK_GUI_PROGRAM
    QTest::newRow("clusterdesk") << QStringLiteral(CLUSTERDESK_GUI_PROGRAM) << page(u"clusterdesk"_s);
#endif
}

void tst_ManPages::optionsMatchHelp()
{
    QFETCH(QString, program);
    QFETCH(QString, file);
    const Run help = run(program, {u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    const QSet<QString> fromHelp = helpOptions(help.out);
    QVERIFY2(fromHelp.contains(u"--help"_s) && fromHelp.contains(u"--version"_s), qPrintable(help.out));

    QFile source(file);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QSet<QString> fromMan;
    for (const QString &tag : tags(section(QString::fromUtf8(source.readAll()), u"OPTIONS"_s)))
        fromMan += optionsIn(tag);
    QVERIFY2(fromHelp == fromMan, qPrintable(difference(fromHelp, fromMan)));
}

void tst_ManPages::commandsMatchHelp()
{
    const Run help = run(QStringLiteral(CLUSTERDESK_CLI), {u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QSet<QString> fromHelp;
    bool inside = false;
    for (const QString &line : help.out.split(u'\n')) {
        if (!line.startsWith(u' ')) {
            inside = line == u"Commands:";
            continue;
        }
        static const QRegularExpression entry(u"^  (\\S.*)"_s); // continuation lines are indented further
        if (const auto match = entry.match(line); inside && match.hasMatch())
            fromHelp += commandsOf(match.captured(1));
    }
    QVERIFY2(fromHelp.size() > 10, qPrintable(help.out));

    QFile source(page(u"clusterdesk-cli"_s));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QSet<QString> fromMan;
    for (const QString &tag : tags(section(QString::fromUtf8(source.readAll()), u"COMMANDS"_s)))
        fromMan += commandsOf(tag);
    QVERIFY2(fromHelp == fromMan, qPrintable(difference(fromHelp, fromMan)));
}

QTEST_GUILESS_MAIN(tst_ManPages)
#include "tst_manpages.moc"
