// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jupyter area's notices from end to end: a real server on the demo cluster (JupyterSession,
// real Slurm and Jupyter), JupyterNotices watching the cluster's servers, and DesktopNotifier showing
// them on a real notification server (dunst, tests/notify/run-with-dunst). The server gets one
// notification: ready with "Open in browser", replaced by the time-left warning (a one-minute job
// warned at 50 s left); clicking it asks the window to open that server; then how it ended.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterNotices.h"
#include "app/jupyter/JupyterSession.h"
#include "app/schedulers/SchedulerClient.h"
#include "notify/DunstSupport.h"
#include "ui/notify/DesktopNotifier.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace testsupport::dunst;
using State = app::JupyterSession::State;

class TestJupyterNotices : public QObject
{
    Q_OBJECT

    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("CLUSTERDESK_DUNST_LOG").isEmpty(),
                 "run this through tests/notify/run-with-dunst");
        QStandardPaths::setTestModeEnabled(true);
    }

    void readyWarnedThenEnded()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        auto connection = testsupport::openDemoConnection(*cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction,
                                                          true);
        QVERIFY2(connection->schedulerClient()->isReady(), qPrintable(connection->message()));
        ui::DesktopNotifier notifier;
        app::JupyterNotices notices(connection->jupyter(), &notifier, u"Demo cluster"_s);
        notices.setWarnings({50s}); // a one-minute job crosses it within seconds of being ready
        QSignalSpy opened(&notices, &app::JupyterNotices::openRequested);

        app::JupyterSettings settings;
        settings.timeLimit = u"00:01:00"_s;
        settings.memory = u"500M"_s;
        settings.environment.modules = {u"jupyter/2.15"_s};
        settings.interface = app::JupyterSettings::Interface::Notebook;
        app::JupyterSession *session = connection->jupyter()->start(settings);
        session->setPollIntervals(500ms, 200ms, 1000ms);
        QTRY_VERIFY2_WITH_TIMEOUT(session->state() == State::Ready || session->state() == State::Ended,
                                  qPrintable(session->stateText()), 120000);
        QVERIFY2(session->state() == State::Ready, qPrintable(session->stateText()));

        const QString readyTitle = u"Jupyter is ready on Demo cluster"_s;
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(readyTitle).isEmpty(), 10000);
        const Received ready = receivedWith(readyTitle).constLast();
        QVERIFY2(ready.body.contains(session->jobId()), qPrintable(ready.body));
        QVERIFY2(ready.actions.join(u' ').contains(u"Open in browser"_s), qPrintable(ready.actions.join(u", "_s)));

        // Its time left crosses the warning: the same notification says so.
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(u"Jupyter on Demo cluster: 1 minute left"_s).isEmpty(), 30000);
        QCOMPARE(receivedWith(u"Jupyter on Demo cluster: 1 minute left"_s).constLast().id, ready.id);

        // A click on it (the server invokes the default action, and closes it): the window is asked to
        // open the server.
        for (int position = 0; position < 3 && opened.isEmpty(); ++position) {
            dunstctl({u"action"_s, QString::number(position)});
            QTest::qWait(300);
        }
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).value<app::JupyterSession *>(), session);

        // Stopped: a notice says how it ended (a new one: the click closed the last).
        session->stop();
        QTRY_VERIFY_WITH_TIMEOUT(session->state() == State::Ended, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(u"Jupyter stopped on Demo cluster"_s).isEmpty(), 10000);
        const Received ended = receivedWith(u"Jupyter stopped on Demo cluster"_s).constLast();
        QCOMPARE(ended.body, session->diagnosis().message);
        dunstctl({u"close-all"_s});
    }
};

QTEST_MAIN(TestJupyterNotices)
#include "tst_jupyternotices.moc"
