// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// DesktopNotifier against a real notification server: dunst on a private D-Bus session and Xvfb
// display (tests/notify/run-with-dunst). Jupyter's ready notice (with its "open" action) and a job's
// notice reach the server with their summary, body and actions; the job's end replaces its start
// (one notification, the same id) rather than adding one; a kind the cluster muted sends nothing;
// the server invoking the notice's action comes back as actionInvoked. Read back with dunstctl.

#include "app/jobs/JobNotices.h"
#include "app/notify/Notice.h"
#include "notify/DunstSupport.h"
#include "ui/notify/DesktopNotifier.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using app::Notice;
using app::NoticeKind;
using app::NoticePreferences;
using ui::DesktopNotifier;
using namespace testsupport::dunst;

namespace {

app::Job job()
{
    app::Job j;
    j.id = u"4711"_s;
    j.name = u"train"_s;
    j.state = app::JobState::Running;
    j.stateText = u"RUNNING"_s;
    j.nodeList = u"node01"_s;
    j.timeLimitSeconds = 3600;
    return j;
}

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("CLUSTERDESK_DUNST_LOG").isEmpty(),
                 "run this through tests/notify/run-with-dunst");
        QCoreApplication::setOrganizationName(u"clusterdesk-test"_s);
        QCoreApplication::setApplicationName(u"tst_notifications"_s);
        QCOMPARE(count(u"displayed"_s), 0);
    }

    void notifyrcIsFound()
    {
        DesktopNotifier notifier;
        // From the build folder: the staged copy, added to the data folders.
        QVERIFY2(DesktopNotifier::notifyrcPath().endsWith(u"/knotifications6/clusterdesk.notifyrc"_s),
                 qPrintable(DesktopNotifier::notifyrcPath()));
    }

    void readyAndEndedReachTheServer()
    {
        DesktopNotifier notifier;
        QSignalSpy invoked(&notifier, &app::Notifier::actionInvoked);
        const Notice ready{NoticeKind::JupyterReady,
                           u"hawk"_s,
                           u"jupyter:s1"_s,
                           u"Jupyter is ready on hawk"_s,
                           u"node01 · 3 h 58 min left <b>not bold</b> & a < b"_s,
                           {{u"open"_s, u"Open in browser"_s}}};
        // A second session, with a second button.
        const Notice second{NoticeKind::JupyterReady,
                            u"hawk"_s,
                            u"jupyter:s2"_s,
                            u"Jupyter is ready on hawk (gpu)"_s,
                            u"node02 · 58 min left"_s,
                            {{u"open"_s, u"Open in browser"_s}, {u"stop"_s, u"Stop the session"_s}}};
        notifier.show(ready);
        notifier.show(second);
        notifier.show(app::JobNotices::startedNotice(u"hawk"_s, job()));
        QTRY_COMPARE_WITH_TIMEOUT(count(u"displayed"_s), 3, 10000);
        QCOMPARE(notifier.shownCount(), 3);

        // The job ends: its notice changes in place.
        app::JobRow row;
        row.setJob(job());
        row.phase = app::JobRow::Phase::Finished;
        row.job.state = app::JobState::Completed;
        row.job.stateText = u"COMPLETED"_s;
        row.job.elapsedSeconds = 600;
        row.exitCode = u"0:0"_s;
        app::JobAccounting record;
        record.id = row.job.id;
        record.state = app::JobState::Completed;
        record.elapsedSeconds = 600;
        record.timeLimitSeconds = 3600;
        record.allocatedCpus = 4;
        record.cpuSeconds = 1200.0;
        const Notice ended = app::JobNotices::endedNotice(u"hawk"_s, row, &record);
        notifier.show(ended);
        QTRY_VERIFY_WITH_TIMEOUT(!receivedWith(ended.title).isEmpty(), 10000);
        QCOMPARE(count(u"displayed"_s), 3); // replaced, not added
        const QList<Received> start = receivedWith(u"Job 4711 (train) started"_s);
        QVERIFY(!start.isEmpty());
        QCOMPARE(receivedWith(ended.title).constLast().id, start.constFirst().id); // the same notification
        // Two lines, as they were given (sent as markup: a line break, the rest escaped).
        QVERIFY(ended.text.contains(u'\n'));
        QCOMPARE(receivedWith(ended.title).constLast().body, ended.text);
        const QList<Received> jupyter = receivedWith(ready.title);
        QVERIFY(!jupyter.isEmpty());
        QCOMPARE(jupyter.constLast().body, ready.text);
        QVERIFY2(jupyter.constLast().actions.contains(u"default=Open in browser"_s),
                 qPrintable(jupyter.constLast().actions.join(u", "_s)));
        QVERIFY(jupyter.constLast().actions.contains(u"1=Open in browser"_s)); // and the button
        QCOMPARE(jupyter.constLast().actions.size(), 2);
        const QStringList secondActions = receivedWith(second.title).constLast().actions;
        QVERIFY2(secondActions.contains(u"2=Stop the session"_s), qPrintable(secondActions.join(u", "_s)));
        QCOMPARE(secondActions.size(), 3);
        QCOMPARE(notifier.shownCount(), 3);

        // Muted for this cluster: nothing reaches the server.
        NoticePreferences::setWanted(u"hawk"_s, NoticeKind::JobFailed, false);
        Notice failed = ended;
        failed.kind = NoticeKind::JobFailed;
        failed.subject = u"job:4712"_s;
        failed.title = u"Job 4712 (muted): failed"_s;
        notifier.show(failed);
        QCOMPARE(notifier.shownCount(), 3);
        // Another cluster still gets it.
        failed.cluster = u"dtu"_s;
        failed.title = u"Job 4712 (dtu): failed"_s;
        notifier.show(failed);
        QTRY_COMPARE_WITH_TIMEOUT(count(u"displayed"_s), 4, 10000);
        QVERIFY(receivedWith(u"Job 4712 (muted): failed"_s).isEmpty());
        NoticePreferences::setWanted(u"hawk"_s, NoticeKind::JobFailed, true);

        // A button, through dunst's menu (dunstctl context; tests/notify/pick-action answers it).
        pickFromMenu(u"Stop the session"_s);
        dunstctl({u"context"_s});
        QTRY_VERIFY2_WITH_TIMEOUT(invoked.size() == 1, qPrintable(menusOffered()), 10000);
        QCOMPARE(invoked.at(0).at(0).toString(), u"hawk"_s);
        QCOMPARE(invoked.at(0).at(1).toString(), u"jupyter:s2"_s);
        QCOMPARE(invoked.at(0).at(2).toString(), u"stop"_s);
        pickFromMenu({});

        // The server invokes the ready notice's default action (what a click does): "open" comes back.
        // Which position dunst gives it is its own business: try each until Jupyter's answers (the job
        // notices have no default action: for them dunst offers its menu, which answers nothing).
        for (int position = 0; position < 4 && invoked.size() == 1; ++position) {
            dunstctl({u"action"_s, QString::number(position)});
            QTest::qWait(300);
        }
        QCOMPARE(invoked.size(), 2);
        QCOMPARE(invoked.at(1).at(0).toString(), u"hawk"_s);
        QVERIFY(invoked.at(1).at(1).toString().startsWith(u"jupyter:s"_s));
        QCOMPARE(invoked.at(1).at(2).toString(), u"open"_s);

        // Everything closed goes to the history, where each notice can be read back.
        const int displayed = count(u"displayed"_s);
        notifier.withdraw(u"dtu"_s, u"job:4712"_s); // taken off the screen
        QTRY_COMPARE_WITH_TIMEOUT(count(u"displayed"_s), displayed - 1, 10000);
        dunstctl({u"close-all"_s});
        QTRY_COMPARE_WITH_TIMEOUT(count(u"displayed"_s), 0, 10000);
        const QList<QJsonObject> notices = history();
        QList<QJsonObject> jupyterHistory, jobs;
        for (const QJsonObject &n : notices) {
            if (n.value(u"summary"_s).toString() == ready.title)
                jupyterHistory.append(n);
            if (n.value(u"summary"_s).toString().startsWith(u"Job 4711"_s))
                jobs.append(n);
        }
        QCOMPARE(jupyterHistory.size(), 1);
        QCOMPARE(jupyterHistory.at(0).value(u"summary"_s).toString(), ready.title);
        QCOMPARE(jupyterHistory.at(0).value(u"body"_s).toString(), ready.text);
        QCOMPARE(jupyterHistory.at(0).value(u"appname"_s).toString(), u"clusterdesk"_s);
        QCOMPARE(jupyterHistory.at(0).value(u"default_action_name"_s).toString(), u"default"_s);
        QCOMPARE(jobs.size(), 1); // the start was replaced by the end
        QCOMPARE(jobs.at(0).value(u"summary"_s).toString(), ended.title);
        QCOMPARE(jobs.at(0).value(u"id"_s).toInt(), start.constFirst().id);
        QCOMPARE(jobs.at(0).value(u"body"_s).toString(), ended.text);
        QVERIFY(ended.text.contains(u"CPU 50 %"_s));
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
