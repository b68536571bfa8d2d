// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The job-script editor: form and text kept in step both ways, problems marked on their lines,
// the shipped syntax definition in use, pickers filled from the cluster's resources.
#include "TestSupport.h"
#include "app/jobscripts/JobTemplates.h"
#include "app/schedulers/Scheduler.h"
#include "app/schedulers/slurm/SlurmParsers.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobScriptForm.h"
#include "ui/widgets/CodeEditor.h"
#include "ui/widgets/Syntax.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>

using app::JobField;

namespace {

const QString gpuScript = QStringLiteral("#!/bin/bash\n"
                                         "#SBATCH --job-name=train   # shown in squeue\n"
                                         "#SBATCH --partition=gpu\n"
                                         "#SBATCH --gres=gpu:1\n"
                                         "#SBATCH --time=02:00:00\n"
                                         "\n"
                                         "module load python\n"
                                         "python train.py\n");

// What the editor is given on the demo cluster: its partitions and modules as sinfo and Lmod printed
// them there (recorded with the commands the Slurm back end runs, see SOURCES.md in that folder; the
// parsers' tests read the same files), read by the back end's own parsers.
sshcore::Result<app::ClusterResources> demoResources()
{
    const auto recorded = [](const char *name) {
        QFile file(QStringLiteral(CLUSTERDESK_TEST_DATA "/../../app/data/schedulers/slurm/24.11-demo/")
                   + QLatin1StringView(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    app::ClusterResources resources;
    const auto partitions = app::slurm::parsePartitions(recorded("sinfo.txt"));
    if (!partitions)
        return sshcore::failure(partitions.error());
    resources.partitions = *partitions;
    sshcore::CommandResult moduleList;
    moduleList.standardOutput = recorded("module-t-avail.txt");
    const auto modules = app::Scheduler::parseModules(moduleList);
    if (!modules)
        return sshcore::failure(modules.error());
    resources.modules = *modules;
    return resources;
}

// Selects text in the editor and types over it, as a user would.
void typeOver(ui::CodeEditor *editor, const QString &what, const QString &with)
{
    const int at = editor->toPlainText().indexOf(what);
    QVERIFY2(at >= 0, qPrintable(what));
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(at);
    cursor.setPosition(at + int(what.size()), QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
    editor->setFocus();
    QTest::keyClicks(editor, with);
}

} // namespace

class TestJobScriptEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedSyntaxDefinition()
    {
        const auto definition = ui::syntaxRepository().definitionForName(ui::jobScriptSyntax());
        QVERIFY(definition.isValid());
        QVERIFY(definition.includedDefinitions().contains(
            ui::syntaxRepository().definitionForName(QStringLiteral("Bash"))));
        // Files named like job scripts get it in the Files area's editor too.
        QCOMPARE(ui::syntaxRepository().definitionForFileName(QStringLiteral("train.sbatch")).name(),
                 ui::jobScriptSyntax());
    }

    void directivesAreHighlighted()
    {
        ui::JobScriptEditor editor;
        editor.setText(gpuScript);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTRY_VERIFY(!editor.editor()->document()->findBlockByNumber(3).layout()->formats().isEmpty());
        const QTextBlock directive = editor.editor()->document()->findBlockByNumber(3); // #SBATCH --gres=gpu:1
        const auto formatAt = [&](int position) {
            for (const QTextLayout::FormatRange &range : directive.layout()->formats()) {
                if (position >= range.start && position < range.start + range.length)
                    return range.format;
            }
            return QTextCharFormat();
        };
        const QColor prefix = formatAt(1).foreground().color();
        const QColor option = formatAt(9).foreground().color();
        const QColor value = formatAt(16).foreground().color();
        QVERIFY(formatAt(1).fontWeight() == QFont::Bold);
        QVERIFY(prefix != option);
        QVERIFY(option != value);
        // The trailing comment of line 2 is a comment, not a value.
        const QTextBlock named = editor.editor()->document()->findBlockByNumber(1);
        const int comment = int(named.text().indexOf(u'#', 2));
        bool italicOrGrey = false;
        for (const QTextLayout::FormatRange &range : named.layout()->formats()) {
            if (comment >= range.start && comment < range.start + range.length)
                italicOrGrey = range.format.fontItalic() || range.format.foreground().color() != value;
        }
        QVERIFY(italicOrGrey);
    }

    void gpuCountInFormChangesTheDirective()
    {
        ui::JobScriptEditor editor;
        editor.setText(gpuScript);
        QCOMPARE(editor.form()->gpuCount()->value(), 1);
        editor.form()->gpuCount()->setValue(2);
        QString expected = gpuScript;
        expected.replace(QStringLiteral("--gres=gpu:1"), QStringLiteral("--gres=gpu:2"));
        QCOMPARE(editor.text(), expected); // that line only
        QCOMPARE(editor.script().value(JobField::Gpus), QStringLiteral("2"));

        // None: the directive goes; one again: it comes back after the other directives.
        editor.form()->gpuCount()->setValue(0);
        QVERIFY(!editor.text().contains(QStringLiteral("gpu:")));
        editor.form()->gpuCount()->setValue(1);
        const QStringList lines = editor.text().split(u'\n');
        QVERIFY(lines.indexOf(QStringLiteral("#SBATCH --time=02:00:00"))
                < lines.indexOf(QRegularExpression(QStringLiteral("#SBATCH --(gres|gpus)=.*1"))));
    }

    void gpuDirectiveInTextChangesTheForm()
    {
        ui::JobScriptEditor editor;
        editor.setText(gpuScript);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        typeOver(editor.editor(), QStringLiteral("gpu:1"), QStringLiteral("gpu:4"));
        QCOMPARE(editor.form()->gpuCount()->value(), 4);
        typeOver(editor.editor(), QStringLiteral("--gres=gpu:4"), QStringLiteral("--gres=gpu:a100:3"));
        QCOMPARE(editor.form()->gpuCount()->value(), 3);
        QCOMPARE(editor.form()->findChild<QComboBox *>(QStringLiteral("gpuType"))->currentText(),
                 QStringLiteral("a100"));
        // Typing in the form while it has the focus is not undone by the text's echo.
        auto *time = qobject_cast<QLineEdit *>(editor.form()->fieldWidget(JobField::TimeLimit));
        time->setFocus();
        time->selectAll();
        QTest::keyClicks(time, QStringLiteral("1-0"));
        QCOMPARE(time->text(), QStringLiteral("1-0"));
        QVERIFY(editor.text().contains(QStringLiteral("#SBATCH --time=1-0\n")));
    }

    void invalidDirectivesAreMarked()
    {
        ui::JobScriptEditor editor;
        editor.setText(gpuScript);
        QVERIFY(editor.editor()->marks().isEmpty());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        typeOver(editor.editor(), QStringLiteral("02:00:00"), QStringLiteral("2h"));
        const auto marks = editor.editor()->marks();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.front().line, 4);
        QVERIFY(marks.front().error);
        QVERIFY2(marks.front().message.contains(QStringLiteral("time"), Qt::CaseInsensitive),
                 qPrintable(marks.front().message));
        QCOMPARE(editor.editor()->messagesAt(4), marks.front().message);
        auto *problems = editor.findChild<QListWidget *>(QStringLiteral("problems"));
        QCOMPARE(problems->count(), 1);
        QVERIFY(problems->item(0)->text().startsWith(QStringLiteral("Line 5: ")));
        // Fixed: the mark goes.
        typeOver(editor.editor(), QStringLiteral("2h"), QStringLiteral("2:00:00"));
        QVERIFY(editor.editor()->marks().isEmpty());
        QVERIFY(problems->isHidden());
    }

    void pickersComeFromTheCluster()
    {
        ui::JobScriptEditor editor;
        editor.setText(gpuScript);
        const auto resources = demoResources();
        QVERIFY_RESULT(resources);
        editor.setResources(*resources);
        QComboBox *partition = editor.form()->partition();
        QCOMPARE(partition->count(), 2);
        QCOMPARE(partition->currentData().toString(), QStringLiteral("gpu"));
        auto *info = editor.form()->findChild<QLabel *>(QStringLiteral("partitionInfo"));
        QVERIFY2(info->text().contains(QStringLiteral("2 GPUs")), qPrintable(info->text()));
        QVERIFY2(info->text().contains(QStringLiteral("1 of 1 nodes idle")), qPrintable(info->text()));
        // Choosing the CPU partition rewrites its line; the demo's one node (with its 2 GPUs) is in both.
        partition->setCurrentIndex(0);
        Q_EMIT partition->activated(0);
        QVERIFY(editor.text().contains(QStringLiteral("#SBATCH --partition=cpu\n")));
        QVERIFY(editor.editor()->marks().isEmpty());
        // More GPUs than a node of it has: the checker flags the request on its line.
        typeOver(editor.editor(), QStringLiteral("gpu:1"), QStringLiteral("gpu:3"));
        bool flagged = false;
        for (const auto &mark : editor.editor()->marks())
            flagged = flagged || (mark.line == 3 && mark.error);
        QVERIFY(flagged);
        // A module from the cluster's list: a load line is added.
        auto *module = editor.form()->findChild<QComboBox *>(QStringLiteral("moduleToAdd"));
        QCOMPARE(module->count(), 3); // gcc/14, jupyter/2.15, python/3.13
        module->setEditText(QStringLiteral("gcc/14"));
        Q_EMIT module->lineEdit()->returnPressed();
        QVERIFY(editor.script().environment().modules.contains(QStringLiteral("gcc/14")));
    }

    void memoryPerCpuReplacesPerNode()
    {
        ui::JobScriptEditor editor;
        editor.setText(gpuScript);
        auto *memory = editor.form()->findChild<QLineEdit *>(QStringLiteral("Memory"));
        auto *per = editor.form()->findChild<QComboBox *>(QStringLiteral("memoryPer"));
        memory->setText(QStringLiteral("4G"));
        Q_EMIT memory->textEdited(memory->text());
        QVERIFY(editor.text().contains(QStringLiteral("#SBATCH --mem=4G\n")));
        per->setCurrentIndex(1);
        Q_EMIT per->activated(1);
        QVERIFY(!editor.text().contains(QStringLiteral("--mem=")));
        QVERIFY(editor.text().contains(QStringLiteral("#SBATCH --mem-per-cpu=4G\n")));
    }

    void shippedTemplatesAreClean()
    {
        const QList<app::JobTemplate> templates = app::JobTemplates::shipped();
        QCOMPARE(templates.size(), 6);
        for (const app::JobTemplate &jobTemplate : templates) {
            ui::JobScriptEditor editor;
            editor.startFrom(jobTemplate);
            QCOMPARE(editor.text(), jobTemplate.text);
            QVERIFY2(editor.problems().isEmpty(),
                     qPrintable(jobTemplate.id + u": "
                                + (editor.problems().isEmpty() ? QString() : editor.problems().front().message)));
        }
        QCOMPARE(templates.last().scheduler, app::Profile::Scheduler::Lsf);
    }

    void translationKeepsEditing()
    {
        ui::JobScriptEditor editor;
        editor.setText(gpuScript);
        const auto translate = editor.findChildren<QMenu *>();
        QMenu *menu = nullptr;
        for (QMenu *candidate : translate) {
            if (!candidate->actions().isEmpty() && candidate->actions().front()->text() == QStringLiteral("Slurm"))
                menu = candidate;
        }
        QVERIFY(menu);
        menu->actions().at(1)->trigger(); // PBS
        QCOMPARE(editor.script().scheduler(), app::Profile::Scheduler::Pbs);
        QVERIFY(editor.text().contains(QStringLiteral("#PBS ")));
        // The form goes on editing the PBS directives.
        editor.form()->gpuCount()->setValue(2);
        QCOMPARE(editor.script().scheduler(), app::Profile::Scheduler::Pbs);
        QCOMPARE(editor.script().value(JobField::Gpus), QStringLiteral("2"));
        QVERIFY(editor.text().contains(QStringLiteral("ngpus=2")));
    }
};

QTEST_MAIN(TestJobScriptEditor)
#include "tst_jobscripteditor.moc"
