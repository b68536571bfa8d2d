// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The link drops while the Jobs area asks a question, as it happens to users: the cancel confirmation
// (and the job-script editor's "submit a script with errors?") is up, the login node's sshd process
// serving this very connection is killed, the app reconnects, and then the user confirms. The app must
// not crash (the sanitizer pass runs this too) and must either do what was asked after the
// reconnection or say why not; which one happened is checked with Slurm itself (sacct, squeue) over a
// separate connection.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "GuiTestSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/jobs/JobListModel.h"
#include "app/jobs/JobMonitor.h"
#include "app/jobscripts/JobScriptValidator.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobsArea.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cctype>

using namespace Qt::StringLiterals;
using namespace testsupport;
using sshcore::SshConnectionState;

class tst_LinkDrop : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<app::ClusterConnection> m_connection; // the app's, as the window makes it
    std::unique_ptr<sshcore::SshConnection> m_oracle;     // the test's own, for squeue and sacct
    std::unique_ptr<ui::JobsArea> m_area;
    QString m_remote;
    QString m_tag;

    // A command over the oracle connection; its output, or "<failed: …>".
    QByteArray oracle(const QByteArray &command)
    {
        auto result = await<sshcore::CommandResult>([&](QObject *context, auto done) {
            auto *exec = m_oracle->runShell(command, {}, context);
            connect(exec, &sshcore::SshCommand::finished, context, [exec, done] { done(exec->result()); });
        });
        return result ? result->standardOutput.trimmed() : "<failed: " + result.error().message.toUtf8() + '>';
    }

    QByteArray accountingState(const QString &id) { return oracle("sacct -n -X -P -o State -j " + id.toUtf8()); }

    // Kills the sshd process that serves the app's connection (the parent of a shell run over it:
    // only this connection's, no other test's or user's) and waits until the app has noticed.
    bool dropLink()
    {
        QSignalSpy states(m_connection->ssh(), &sshcore::SshConnection::stateChanged);
        auto *kill = m_connection->ssh()->runShell("kill -9 $PPID; sleep 5", {}, this);
        connect(kill, &sshcore::SshCommand::finished, kill, &QObject::deleteLater);
        const auto reconnecting = [&] {
            for (const QList<QVariant> &change : std::as_const(states)) {
                if (change.front().value<SshConnectionState>() == SshConnectionState::Reconnecting)
                    return true;
            }
            return false;
        };
        return QTest::qWaitFor(reconnecting, 30000);
    }

    QMessageBox *question(const QString &name)
    {
        return waitForDialog<QMessageBox>(m_area.get(), 10000,
                                          [name](QMessageBox *box) { return box->objectName() == name; });
    }

    // Whatever the app said in a problem box, for a failure's message.
    QString problemsShown() const
    {
        QStringList texts;
        for (QMessageBox *box : m_area->findChildren<QMessageBox *>(u"jobProblem"_s))
            texts.append(box->text());
        return texts.join(u" | "_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_connection = openDemoConnection(m_cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction, true);
        QVERIFY(m_connection);
        QVERIFY2(m_connection->schedulerClient()->isReady(), qPrintable(m_connection->message()));
        m_oracle = connectAs(m_cluster, u"alice"_s, &m_interaction);
        QCOMPARE(m_oracle->state(), SshConnectionState::Connected);
        m_tag = QString::number(QRandomGenerator::global()->generate());
        m_remote = u"/home/alice/tst-linkdrop-"_s + m_tag;

        m_area = std::make_unique<ui::JobsArea>();
        m_area->resize(1280, 820);
        m_area->show();
        m_area->setConnection(m_connection.get());
        m_area->monitor()->setInterval(std::chrono::milliseconds(1000));
    }

    void cleanupTestCase()
    {
        if (m_oracle && m_oracle->state() == SshConnectionState::Connected)
            oracle("scancel -u alice -n tst-linkdrop-" + m_tag.toUtf8() + "; rm -rf -- '" + m_remote.toUtf8() + "'");
        m_area.reset();
        m_connection.reset();
        m_oracle.reset();
    }

    void cancelConfirmedAcrossALinkDrop_data()
    {
        QTest::addColumn<bool>("waitForReconnection");
        QTest::newRow("confirmed at once") << false;
        QTest::newRow("confirmed once reconnected") << true;
    }

    void cancelConfirmedAcrossALinkDrop()
    {
        QFETCH(bool, waitForReconnection);
        const QByteArray id = oracle("sbatch --parsable --job-name=tst-linkdrop-" + m_tag.toUtf8()
                                     + " --time=00:10:00 --output=/dev/null --wrap='sleep 300'");
        QVERIFY2(!id.isEmpty() && std::isdigit(static_cast<unsigned char>(id.front())), id.constData());
        const QString job = QString::fromUtf8(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_area->model()->indexOf(job).isValid(), 30000);
        m_area->showPage(ui::JobsArea::QueuePage);
        m_area->selectJob(job);
        auto *cancel = m_area->findChild<QToolButton *>(u"cancelJob"_s);
        QTRY_VERIFY(cancel->isEnabled());

        cancel->click(); // asks, without waiting for the answer
        const QPointer<QMessageBox> box = question(u"confirmControl"_s);
        QVERIFY(box);
        QVERIFY(dropLink());
        if (waitForReconnection)
            QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), SshConnectionState::Connected, 60000);
        QVERIFY2(box, "the question went away with the link");
        QAbstractButton *yes = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().startsWith(u"Cancel the jobs"_s))
                yes = button;
        }
        QVERIFY(yes);
        yes->click();

        // Done after the reconnection: Slurm says so. (Had it not been possible, the app would have
        // said why in a problem box, shown in the failure's message.)
        QTRY_VERIFY2_WITH_TIMEOUT(accountingState(job).startsWith("CANCELLED"),
                                  qPrintable(
                                      u"state %1; the app said: %2"_s.arg(QString::fromUtf8(accountingState(job)),
                                                                          problemsShown())),
                                  60000);
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), SshConnectionState::Connected, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_area->model()->indexOf(job).data(app::JobListModel::FinishedRole).toBool(), 30000);
    }

    void submitConfirmedAcrossALinkDrop()
    {
        ui::JobScriptEditor *editor = m_area->editor();
        m_area->showPage(ui::JobsArea::ScriptPage);
        // Longer than the cpu partition's day: an error to the editor (so it asks), yet sbatch takes
        // it (the job waits with reason PartitionTimeLimit).
        editor->setText(u"#!/bin/bash\n#SBATCH --job-name=tst-linkdrop-%1\n#SBATCH --time=2-00:00:00\n"
                        "#SBATCH --output=/dev/null\nsleep 300\n"_s.arg(m_tag));
        editor->workDirectory()->setText(m_remote);
        editor->findChild<QCheckBox *>(u"uploadFolder"_s)->setChecked(false);
        const auto hasError = [editor] { // once the partitions are in
            const QList<app::ScriptProblem> problems = editor->problems();
            return std::any_of(problems.begin(), problems.end(), [](const app::ScriptProblem &problem) {
                return problem.severity == app::ScriptProblem::Severity::Error;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasError(), 30000);
        auto *submit = editor->findChild<QPushButton *>(u"submitButton"_s);
        QTRY_VERIFY(submit->isEnabled());
        QSignalSpy submitted(editor, &ui::JobScriptEditor::submitted);

        submit->click();
        const QPointer<QMessageBox> box = question(u"confirmSubmit"_s);
        QVERIFY(box);
        QVERIFY(!submit->isEnabled()); // one question, one submission
        QVERIFY(dropLink());
        QVERIFY2(box, "the question went away with the link");
        box->button(QMessageBox::Yes)->click();

        // Finished one way or the other: submitted, or the button back with the reason shown.
        QTRY_VERIFY_WITH_TIMEOUT(!submitted.isEmpty() || submit->isEnabled(), 120000);
        const QByteArray listed = oracle("squeue -h -u alice -n tst-linkdrop-" + m_tag.toUtf8() + " -o %i");
        if (submitted.isEmpty()) {
            // Not submitted: the app must say why, and Slurm must agree that nothing was.
            QVERIFY2(!editor->status()->text().isEmpty(), "not submitted, and nothing said why");
            QVERIFY2(listed.isEmpty(),
                     qPrintable(u"the app said \"%1\" but Slurm lists %2"_s.arg(editor->status()->text(),
                                                                                QString::fromUtf8(listed))));
            QFAIL(qPrintable(u"not submitted after the reconnection: %1"_s.arg(editor->status()->text())));
        }
        const QString id = submitted.front().front().toString();
        QCOMPARE(QString::fromUtf8(listed), id);
        QVERIFY2(editor->status()->text().contains(id), qPrintable(editor->status()->text()));
        QCOMPARE(oracle("cat -- '" + m_remote.toUtf8() + "/job.sh' | grep -c -- '--time=2-00:00:00'"), QByteArray("1"));
    }

    void closedWhileAskingSaysWhy()
    {
        // The connection closes for good while the question is up: nothing is sent, and the app says so.
        const QByteArray id = oracle("sbatch --parsable --job-name=tst-linkdrop-" + m_tag.toUtf8()
                                     + " --time=00:10:00 --output=/dev/null --wrap='sleep 300'");
        QVERIFY2(!id.isEmpty() && std::isdigit(static_cast<unsigned char>(id.front())), id.constData());
        const QString job = QString::fromUtf8(id);
        m_area->showPage(ui::JobsArea::QueuePage);
        QTRY_VERIFY_WITH_TIMEOUT(m_area->model()->indexOf(job).isValid(), 30000);
        m_area->selectJob(job);
        auto *cancel = m_area->findChild<QToolButton *>(u"cancelJob"_s);
        QTRY_VERIFY(cancel->isEnabled());
        cancel->click();
        const QPointer<QMessageBox> box = question(u"confirmControl"_s);
        QVERIFY(box);
        m_connection->close();
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), SshConnectionState::Disconnected, 30000);
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().startsWith(u"Cancel the jobs"_s))
                button->click();
        }
        QTRY_VERIFY(problemsShown().contains(u"Nothing was sent"_s));
        const QByteArray state = oracle("squeue -h -j " + id + " -o %T");
        QVERIFY2(state == "PENDING" || state == "RUNNING", state.constData()); // not cancelled

        // The same objects serve the next connection.
        app::SchedulerClient *client = m_connection->schedulerClient();
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(client->isReady(), 60000);
        QCOMPARE(m_connection->schedulerClient(), client);
    }
};

QTEST_MAIN(tst_LinkDrop)
#include "tst_linkdrop.moc"
