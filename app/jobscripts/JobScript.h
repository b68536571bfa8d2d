// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/JobField.h"
#include "app/jobscripts/ScriptDialect.h"
#include "app/profiles/Profile.h"
#include "sshcore/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace app {

// A batch script as lines the form can edit without disturbing anything else: text → model → text
// gives the text back byte for byte (line endings, unknown directives, comments, order), and a
// field edit changes only the lines that carry that field.
class JobScript
{
public:
    enum class LineKind {
        Shebang,
        Directive,        // read by the scheduler
        IgnoredDirective, // looks like one but comes after the first command: the scheduler skips it
        Comment,
        Blank,
        Environment, // module, conda/venv activation, exports
        Command,
    };
    struct Line
    {
        QString text;
        QString ending; // "\n", "\r\n", or "" for a last line without one
        LineKind kind = LineKind::Blank;
    };
    // A field's value as the script has it.
    struct FieldValue
    {
        QString native;                   // in the scheduler's words
        std::optional<QString> canonical; // in Slurm's; none when it cannot be understood
        int line = -1;
    };
    // What the environment section sets up.
    struct Environment
    {
        QStringList modules; // "gcc/14" from module load/add and ml
        bool purgesModules = false;
        QString conda;      // environment name or path
        QString virtualEnv; // the activate script's folder
        QString container;  // the image an apptainer/singularity line runs
    };

    JobScript(); // an empty Slurm script

    // Unknown: the scheduler whose directives the text uses most (Slurm when it has none).
    static JobScript parse(const QString &text, Profile::Scheduler scheduler = Profile::Scheduler::Unknown);

    QString text() const;
    Profile::Scheduler scheduler() const;
    const ScriptDialect &dialect() const { return *m_dialect; }
    const QList<Line> &lines() const { return m_lines; }

    std::optional<FieldValue> field(JobField field) const;
    // The value in Slurm's spelling (or as written, if it cannot be understood); empty when absent.
    QString value(JobField field) const;
    // Sets a field from Slurm's spelling; an empty value removes it. Fails, changing nothing, when
    // the scheduler has no way to say it.
    sshcore::Result<void> setValue(JobField field, const QString &value);

    Environment environment() const;
    // Adds "module load NAME" after the environment lines (or the directives); removes a module's
    // load lines, or the module from a line that loads several.
    void addModule(const QString &module);
    void removeModule(const QString &module);

    // Directive lines (index, text) the scheduler reads.
    QList<std::pair<int, QString>> directives() const;

private:
    void classify();
    int insertionLine() const;
    void insertLine(int index, const QString &text, LineKind kind);
    QString defaultEnding() const;

    QList<Line> m_lines;
    std::shared_ptr<const ScriptDialect> m_dialect;
};

} // namespace app
