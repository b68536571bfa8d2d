// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/JobField.h"
#include "app/profiles/Profile.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <optional>

namespace app {

// One word of a directive line, as the shell would split it: its place in the line and its text
// with quotes and escapes removed.
struct DirectiveToken
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
};

// One option on a directive line: "--time=01:00:00", "-t 60", "-l select=1:ncpus=4".
struct DirectiveOption
{
    QString flag; // "--time", "-t"; empty for a word no option owns
    QString value;
    bool hasValue = false;
    qsizetype start = 0; // the option's span in the line, flag through value
    qsizetype end = 0;
    qsizetype valueStart = -1; // the value as written (with its quotes)
    qsizetype valueEnd = -1;
};

// Where a field's value sits on a directive line.
struct FieldSpot
{
    JobField field = JobField::Name;
    QString native;           // the value in the scheduler's words ("8gb"), "yes" for a flag
    qsizetype valueStart = 0; // what to replace to change it
    qsizetype valueEnd = 0;
    qsizetype removeStart = 0; // what to delete to drop it (with one separator or leading blank)
    qsizetype removeEnd = 0;
    QString writePrefix;   // written before a new value ("gpu:" inside --gres)
    QString removedText;   // what stands in its place when dropped (PBS's select count: "1")
    bool wholeWord = true; // the value is a whole shell word: quote it when it needs quoting
    bool flagOnly = false; // present or not (--exclusive): no value to change
};

// A change that adds a field the script does not have yet.
struct FieldInsertion
{
    int line = -1; // -1: a new directive line `text`; else insert `text` at position in that line
    qsizetype position = 0;
    QString text;
};

// A scheduler's directive language (#SBATCH, #PBS, #BSUB, #$): how its lines split into options,
// which options carry which JobField, and how values convert to and from Slurm's spelling.
class ScriptDialect
{
public:
    virtual ~ScriptDialect() = default;

    virtual Profile::Scheduler scheduler() const = 0;
    // "#SBATCH"
    virtual QString prefix() const = 0;
    // The environment variables a script reads its job id and the like from, by meaning:
    // "jobId", "jobName", "arrayTaskId", "arrayJobId", "submitDirectory", "nodeList", "cpus".
    virtual QHash<QString, QString> variables() const = 0;

    // A directive for this scheduler: the prefix, then a blank (or the end).
    bool isDirective(QStringView line) const;
    // Shell words after the prefix, up to a '#' that starts a word (a trailing comment).
    QList<DirectiveToken> tokens(QStringView line) const;
    QList<DirectiveOption> options(QStringView line) const;
    virtual QList<FieldSpot> spots(QStringView line) const = 0;

    // Slurm's spelling from this scheduler's; none when the text cannot be understood.
    virtual std::optional<QString> toCanonical(JobField field, const QString &native) const;
    // This scheduler's spelling from Slurm's; none when the scheduler has no equivalent.
    virtual std::optional<QString> toNative(JobField field, const QString &canonical) const;

    // How to add a field missing from the script, given its directive lines (index, text).
    virtual FieldInsertion insertion(const QList<std::pair<int, QString>> &directives, JobField field,
                                     const QString &native) const;
    // The directive line for an option: "#SBATCH --time=01:00:00".
    virtual QString directiveLine(JobField field, const QString &native) const = 0;

    // Double-quotes a word if it needs it (or always), as people write directives. Schedulers split
    // directive lines themselves, without a shell: only blanks, quotes, backslashes and '#' matter.
    static QString quoteWord(const QString &word, bool always = false);

    static std::unique_ptr<ScriptDialect> create(Profile::Scheduler scheduler);
    // The scheduler whose directives a script uses most; Unknown when it has none.
    static Profile::Scheduler detect(QStringView script);

protected:
    // The options this dialect knows: with a value, and without. An unknown option takes the next
    // word as its value unless it starts with '-'; a known short one may carry its value attached
    // ("-t60", "-NJobName").
    virtual const QSet<QString> &valueFlags() const = 0;
    virtual const QSet<QString> &bareFlags() const = 0;
    // Options whose value spans two words (Grid Engine's "-pe smp 4").
    virtual int valueWords(QStringView flag) const;

    // Spots for options whose whole value is the field (the common case).
    void addWholeValueSpots(QStringView line, const QList<DirectiveOption> &options,
                            const QHash<QString, JobField> &flags, QList<FieldSpot> *spots) const;
    // The part of an option's value inside its quotes, if it has them.
    static std::pair<qsizetype, qsizetype> unquotedRange(QStringView line, const DirectiveOption &option);
    // Mail events: PBS and Grid Engine letters ("abe") to and from Slurm's words ("BEGIN,END,FAIL").
    static QString mailEventsFromLetters(const QString &letters);
    static QString mailLettersFromEvents(const QString &events);
    // Wall time as PBS and Grid Engine write it: seconds, or hours:minutes:seconds (hours may pass 24).
    static std::optional<QString> timeFromSecondsOrClock(const QString &native);
    static std::optional<QString> clockFromTime(const QString &canonical);
    // A removal span for a whole option, with the blank before it.
    static std::pair<qsizetype, qsizetype> optionRemoval(QStringView line, const DirectiveOption &option);
    // Spots for "key=value" entries of a list inside an option's value ("walltime=1:00:00,mem=4gb",
    // "select=1:ncpus=4", "rusage[mem=4GB]"): keyed by name, separated by separator.
    static void addListSpots(QStringView line, qsizetype from, qsizetype to, QChar separator,
                             const QHash<QString, JobField> &keys, QList<FieldSpot> *spots);
};

} // namespace app
