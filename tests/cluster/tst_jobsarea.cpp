// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jobs area against the demo cluster's Slurm: the editor's pickers filled from the cluster, a
// start estimate, a script submitted from the editor (its working folder made, the script uploaded)
// showing up selected in the list, its output followed live until it ends and accounting says it
// completed; hold, release and cancel with confirmation; the view kept through refreshes (model
// under QAbstractItemModelTester); the history with efficiency figures. Screenshots of each page.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "GuiTestSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/jobs/JobListModel.h"
#include "app/jobs/JobMonitor.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "ui/jobs/JobHistoryView.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobScriptForm.h"
#include "ui/jobs/JobsArea.h"
#include "ui/screenshots/Screenshot.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace testsupport;
using app::JobListModel;
using app::JobState;

class tst_JobsArea : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<app::ClusterConnection> m_connection;
    std::unique_ptr<ui::JobsArea> m_area;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_remote;
    QString m_doneJob;

    QByteArray run(const QByteArray &command)
    {
        auto result = await<sshcore::CommandResult>([&](QObject *context, auto done) {
            auto *exec = m_connection->ssh()->runShell(command, {}, context);
            connect(exec, &sshcore::SshCommand::finished, context, [exec, done] { done(exec->result()); });
        });
        return result ? result->standardOutput : QByteArray();
    }

    JobState stateOf(const QString &id)
    {
        const QModelIndex index = m_area->model()->indexOf(id);
        return index.isValid() ? JobState(index.data(JobListModel::StateRole).toInt()) : JobState::Unknown;
    }

    // Submits the editor's script and answers the job id it reports.
    QString submitFromEditor(const QString &script, const QString &localFolder = {})
    {
        ui::JobScriptEditor *editor = m_area->editor();
        m_area->showPage(ui::JobsArea::ScriptPage);
        editor->setText(script);
        editor->workDirectory()->setText(m_remote);
        editor->findChild<QCheckBox *>(u"uploadFolder"_s)->setChecked(!localFolder.isEmpty());
        editor->findChild<QLineEdit *>(u"localFolder"_s)->setText(localFolder);
        QSignalSpy submitted(editor, &ui::JobScriptEditor::submitted);
        auto *button = editor->findChild<QPushButton *>(u"submitButton"_s);
        if (!button->isEnabled())
            return {};
        button->click();
        if (!submitted.wait(60000))
            return QStringLiteral("<not submitted: %1>").arg(editor->status()->text());
        return submitted.front().front().toString();
    }

    // Clicks the confirmation's button whose text starts with what, once the box shows.
    void confirmWith(const QString &what)
    {
        QTimer::singleShot(0, this, [this, what] {
            auto *box = waitForDialog<QMessageBox>(m_area.get(), 10000);
            if (!box)
                return;
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().startsWith(what))
                    button->click();
            }
        });
    }

    static void screenshot(QWidget *widget, const QString &name)
    {
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        QVERIFY_RESULT(ui::saveScreenshot(widget, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_connection = openDemoConnection(m_cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction, true);
        QVERIFY(m_connection);
        QVERIFY2(m_connection->schedulerClient(), qPrintable(m_connection->message()));
        m_remote = u"/home/alice/tst-jobs-"_s + QString::number(QRandomGenerator::global()->generate());

        m_area = std::make_unique<ui::JobsArea>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_area->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_area->resize(1280, 820);
        m_area->show();
        m_area->setConnection(m_connection.get());
        m_area->monitor()->setInterval(std::chrono::milliseconds(1000));
    }

    void cleanupTestCase()
    {
        if (m_connection && m_connection->ssh()) {
            run("scancel -u alice --name=tst-jobsarea-hold >/dev/null 2>&1; rm -rf -- '" + m_remote.toUtf8() + "'");
        }
        m_area.reset();
    }

    void pickersFromTheCluster()
    {
        ui::JobScriptForm *form = m_area->editor()->form();
        QTRY_COMPARE_WITH_TIMEOUT(form->partition()->count(), 2, 30000);
        QCOMPARE(form->partition()->itemData(0).toString(), u"cpu"_s);
        QCOMPARE(form->partition()->itemData(1).toString(), u"gpu"_s);
        auto *account = qobject_cast<QComboBox *>(form->fieldWidget(app::JobField::Account));
        QTRY_VERIFY_WITH_TIMEOUT(account->findData(u"deep-learning"_s) >= 0, 30000);
        QVERIFY(account->findData(u"genomics"_s) >= 0);
        auto *qos = qobject_cast<QComboBox *>(form->fieldWidget(app::JobField::Qos));
        QVERIFY(qos->findData(u"high"_s) >= 0);
        auto *modules = form->findChild<QComboBox *>(u"moduleToAdd"_s);
        QVERIFY(modules->findText(u"python/3.13"_s) >= 0);
        // The GPU partition's limits are what the checker holds a script to.
        m_area->showPage(ui::JobsArea::ScriptPage);
        m_area->editor()->setText(
            u"#!/bin/bash\n#SBATCH --partition=gpu\n#SBATCH --time=2-00:00:00\n#SBATCH --gres=gpu:3\nhostname\n"_s);
        const QList<app::ScriptProblem> problems = m_area->editor()->problems();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).line, 2);
        QCOMPARE(problems.at(1).line, 3);
    }

    void testGivesAStartEstimate()
    {
        ui::JobScriptEditor *editor = m_area->editor();
        editor->setText(u"#!/bin/bash\n#SBATCH --job-name=tst-jobsarea-test\n#SBATCH --time=00:05:00\nhostname\n"_s);
        editor->workDirectory()->setText(m_remote);
        editor->findChild<QPushButton *>(u"testButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->findChild<QPushButton *>(u"testButton"_s)->isEnabled(), 60000);
        QVERIFY2(editor->status()->text().contains(u"would start"_s), qPrintable(editor->status()->text()));
        QVERIFY2(editor->status()->text().contains(u"Nothing was submitted"_s), qPrintable(editor->status()->text()));
        QVERIFY(run("squeue -h -u alice -n tst-jobsarea-test").trimmed().isEmpty());
    }

    void badScriptNameIsRefused()
    {
        ui::JobScriptEditor *editor = m_area->editor();
        editor->setText(u"#!/bin/bash\nhostname\n"_s);
        editor->workDirectory()->setText(m_remote);
        auto *name = editor->findChild<QLineEdit *>(u"scriptName"_s);
        name->setText(u"../escape.sh"_s);
        editor->findChild<QPushButton *>(u"submitButton"_s)->click();
        QVERIFY2(editor->status()->text().contains(u"cannot be a script's file name"_s),
                 qPrintable(editor->status()->text()));
        QVERIFY(editor->findChild<QPushButton *>(u"submitButton"_s)->isEnabled());
        QVERIFY(run("ls /home/alice/escape.sh 2>/dev/null").isEmpty());
        name->setText(u"job.sh"_s);
    }

    void submittedJobIsFollowedUntilItEnds()
    {
        const QString id = submitFromEditor(u"#!/bin/bash\n"
                                            "#SBATCH --job-name=tst-jobsarea-run\n"
                                            "#SBATCH --time=00:05:00\n"
                                            "#SBATCH --cpus-per-task=1\n"
                                            "#SBATCH --output=%x-%j.out\n"
                                            "for i in 1 2 3 4 5 6; do echo \"step $i of 6\"; sleep 1; done\n"
                                            "echo finished\n"_s);
        QVERIFY2(!id.isEmpty() && id.front().isDigit(), qPrintable(id));
        // Listed, selected, and its output file is where the script said, in the folder made for it.
        QTRY_COMPARE_WITH_TIMEOUT(m_area->selectedJob(), id, 30000);
        QCOMPARE(m_area->findChild<QTabWidget *>(u"jobPages"_s)->currentIndex(), int(ui::JobsArea::QueuePage));
        QVERIFY(run("cat '" + m_remote.toUtf8() + "/job.sh'").contains("tst-jobsarea-run"));
        auto *path = m_area->findChild<QLabel *>(u"outputPath"_s);
        QTRY_VERIFY_WITH_TIMEOUT(path->text().contains(m_remote + u"/tst-jobsarea-run-"_s + id + u".out"_s), 30000);
        // Followed while it runs: the first steps show before the last one is written.
        QTRY_VERIFY_WITH_TIMEOUT(m_area->output()->toPlainText().contains(u"step 2 of 6"_s), 60000);
        const bool sawItRunning = !m_area->output()->toPlainText().contains(u"finished"_s);
        screenshot(m_area.get(), u"jobs-queue-output.png"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_area->output()->toPlainText().contains(u"finished"_s), 60000);
        QVERIFY(sawItRunning);
        QCOMPARE(m_area->output()->toPlainText().trimmed(),
                 u"step 1 of 6\nstep 2 of 6\nstep 3 of 6\nstep 4 of 6\nstep 5 of 6\nstep 6 of 6\nfinished"_s);
        // It leaves the queue; accounting says it completed.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), JobState::Completed, 90000);
        QVERIFY(m_area->model()->indexOf(id).data(JobListModel::FinishedRole).toBool());
        QCOMPARE(m_area->selectedJob(), id); // still selected after all those refreshes
        m_doneJob = id;
    }

    void holdReleaseAndCancel()
    {
        // Held back an hour by --begin, so it stays pending while it is held, released and cancelled.
        // With a local folder uploaded next to the script.
        const QString project = m_dir.filePath(u"my project"_s);
        QVERIFY(QDir().mkpath(project + u"/data"_s));
        QVERIFY(writeFile(project + u"/data/input.txt"_s, "42\n"));
        const QString id =
            submitFromEditor(u"#!/bin/bash\n#SBATCH --job-name=tst-jobsarea-hold\n#SBATCH --begin=now+3600\n"
                             "#SBATCH --time=00:01:00\nhostname\n"_s,
                             project);
        QVERIFY2(!id.isEmpty() && id.front().isDigit(), qPrintable(id));
        QCOMPARE(run("cat '" + m_remote.toUtf8() + "/my project/data/input.txt'"), "42\n"_ba);
        QTRY_COMPARE_WITH_TIMEOUT(m_area->selectedJob(), id, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), JobState::Pending, 30000);
        auto *hold = m_area->findChild<QToolButton *>(u"holdJob"_s);
        auto *release = m_area->findChild<QToolButton *>(u"releaseJob"_s);
        auto *cancel = m_area->findChild<QToolButton *>(u"cancelJob"_s);
        QTRY_VERIFY(hold->isEnabled());
        QVERIFY(!release->isEnabled());
        // Monitor asks for the selected job (the window shows it in the Monitor area).
        auto *monitor = m_area->findChild<QToolButton *>(u"monitorJob"_s);
        QVERIFY(monitor && monitor->isEnabled());
        QSignalSpy monitorAsked(m_area.get(), &ui::JobsArea::monitorRequested);
        monitor->click();
        QCOMPARE(monitorAsked.size(), 1);
        QCOMPARE(monitorAsked.at(0).at(0).toString(), id);

        // A confirmation that is declined changes nothing.
        confirmWith(u"Cancel"_s); // the box's own Cancel: "Cancel the jobs" is the other button
        hold->click();
        QTRY_VERIFY_WITH_TIMEOUT(!waitForDialog<QMessageBox>(m_area.get(), 0), 15000); // answered
        {
            // Two listings made after the answer show the job still pending, and the scheduler agrees.
            QSignalSpy listed(m_area->monitor(), &app::JobMonitor::refreshed);
            QVERIFY(listed.wait(10000));
            QVERIFY(listed.wait(10000));
        }
        QCOMPARE(stateOf(id), JobState::Pending);
        QVERIFY(!run("squeue -h -j " + id.toUtf8() + " -o %r").contains("JobHeldUser"));

        confirmWith(u"Hold"_s);
        hold->click();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), JobState::Held, 30000);
        QVERIFY(run("squeue -h -j " + id.toUtf8() + " -o %r").contains("JobHeldUser"));
        QTRY_VERIFY(release->isEnabled());
        release->click(); // no confirmation: nothing is lost
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), JobState::Pending, 30000);

        // Selection and scroll survive refreshes (rows change in place).
        const int scroll = m_area->jobView()->verticalScrollBar()->value();
        QSignalSpy refreshed(m_area->monitor(), &app::JobMonitor::refreshed);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(m_area->selectedJob(), id);
        QCOMPARE(m_area->jobView()->verticalScrollBar()->value(), scroll);

        confirmWith(u"Cancel the jobs"_s);
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), JobState::Cancelled, 90000);
    }

    void historyShowsEfficiency()
    {
        QVERIFY(!m_doneJob.isEmpty());
        m_area->showPage(ui::JobsArea::HistoryPage);
        QTreeWidget *history = m_area->history()->list();
        const auto find = [&] {
            for (int i = 0; i < history->topLevelItemCount(); ++i) {
                if (history->topLevelItem(i)->text(0) == m_doneJob)
                    return history->topLevelItem(i);
            }
            return static_cast<QTreeWidgetItem *>(nullptr);
        };
        QTRY_VERIFY_WITH_TIMEOUT(find(), 60000);
        QTreeWidgetItem *row = find();
        QCOMPARE(row->text(1), u"tst-jobsarea-run"_s);
        QCOMPARE(row->text(2), app::jobStateName(JobState::Completed));
        // Mostly asleep for about 6 s of a 5-minute limit: little CPU and little of the time used.
        const auto percent = [](const QString &text) {
            bool number = false;
            const int value = QString(text).remove(u" %"_s).toInt(&number);
            return number ? value : -1;
        };
        QVERIFY2(percent(row->text(7)) >= 0 && percent(row->text(7)) < 50, qPrintable(row->text(7)));
        QVERIFY2(percent(row->text(9)) >= 1 && percent(row->text(9)) <= 5, qPrintable(row->text(9)));
        screenshot(m_area.get(), u"jobs-history.png"_s);
        m_area->showPage(ui::JobsArea::ScriptPage);
        m_area->editor()->setText(
            u"#!/bin/bash\n#SBATCH --job-name=train\n#SBATCH --partition=gpu\n#SBATCH --time=30:00:00\n"
            "#SBATCH --gres=gpu:2\n#SBATCH --cpus-per-task=8\n#SBATCH --mem=16G\n\nmodule purge\n"
            "module load python/3.13\n\npython train.py --epochs 10\n"_s);
        screenshot(m_area.get(), u"jobs-script-editor.png"_s);
    }
};

QTEST_MAIN(tst_JobsArea)
#include "tst_jobsarea.moc"
