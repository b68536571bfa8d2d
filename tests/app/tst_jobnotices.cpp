// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// JobNotices on a real JobListModel fed with listings and accounting records, as JobMonitor feeds
// it: what was there at the first fill is not announced; a start, an end (with state, exit code and
// efficiency) and a failure are, each once, under one subject per job; a first listing without jobs
// makes the next one's jobs news.

#include "app/jobs/JobListModel.h"
#include "app/jobs/JobNotices.h"
#include "app/notify/Notice.h"

#include <QTest>

using namespace Qt::StringLiterals;
using app::Job;
using app::JobAccounting;
using app::JobListModel;
using app::JobNotices;
using app::JobState;
using app::Notice;
using app::NoticeKind;

namespace {

// Keeps what it is asked to show: the notices JobNotices sends, in order.
class RecordingNotifier : public app::Notifier
{
public:
    using Notifier::Notifier;
    void show(const Notice &notice) override { shown.append(notice); }
    void withdraw(const QString &cluster, const QString &subject) override
    {
        withdrawn.append(cluster + u'/' + subject);
    }

    QList<Notice> shown;
    QStringList withdrawn;
};

Job job(const QString &id, JobState state)
{
    Job j;
    j.id = id;
    j.name = u"train"_s;
    j.user = u"alice"_s;
    j.partition = u"cpu"_s;
    j.state = state;
    j.stateText = state == JobState::Running ? u"RUNNING"_s : u"PENDING"_s;
    j.timeLimitSeconds = 3600;
    j.nodeCount = 1;
    j.cpuCount = 4;
    if (state == JobState::Running)
        j.nodeList = u"node01"_s;
    return j;
}

JobAccounting record(const QString &id, JobState state, const QString &stateText, const QString &exitCode)
{
    JobAccounting r;
    r.id = id;
    r.name = u"train"_s;
    r.state = state;
    r.stateText = stateText;
    r.exitCode = exitCode;
    r.elapsedSeconds = 600;
    r.timeLimitSeconds = 3600;
    r.allocatedCpus = 4;
    r.cpuSeconds = 1200.0; // of 2400: 50 %
    r.requestedMemoryBytes = 4LL << 30;
    r.maxRssBytes = 1LL << 30; // 25 %
    return r;
}

} // namespace

class TestJobNotices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFillIsNotNews()
    {
        JobListModel model;
        RecordingNotifier notifier;
        JobNotices notices(&model);
        notices.setNotifier(&notifier);
        notices.setCluster(u"hawk"_s);
        model.setJobs({job(u"1"_s, JobState::Running), job(u"2"_s, JobState::Pending)});
        QVERIFY(notifier.shown.isEmpty());
        // The same listing again: nothing new.
        model.setJobs({job(u"1"_s, JobState::Running), job(u"2"_s, JobState::Pending)});
        QVERIFY(notifier.shown.isEmpty());
    }

    void startThenEndIsOneNotice()
    {
        JobListModel model;
        RecordingNotifier notifier;
        JobNotices notices(&model);
        notices.setNotifier(&notifier);
        notices.setCluster(u"hawk"_s);
        model.setJobs({job(u"1"_s, JobState::Running), job(u"2"_s, JobState::Pending)});

        model.setJobs({job(u"1"_s, JobState::Running), job(u"2"_s, JobState::Running)});
        QCOMPARE(notifier.shown.size(), 1);
        const Notice started = notifier.shown.at(0);
        QCOMPARE(started.kind, NoticeKind::JobStarted);
        QCOMPARE(started.cluster, u"hawk"_s);
        QCOMPARE(started.subject, u"job:2"_s);
        QCOMPARE(started.title, u"Job 2 (train) started"_s);
        QVERIFY2(started.text.contains(u"node01"_s), qPrintable(started.text));

        // It leaves the queue: nothing until accounting says how it ended.
        model.setJobs({job(u"1"_s, JobState::Running)});
        QCOMPARE(notifier.shown.size(), 1);
        // Accounting has not caught up: still running there.
        JobAccounting lagging = record(u"2"_s, JobState::Running, u"RUNNING"_s, u"0:0"_s);
        model.setFinished({lagging});
        QCOMPARE(notifier.shown.size(), 1);

        model.setFinished({record(u"2"_s, JobState::Completed, u"COMPLETED"_s, u"0:0"_s)});
        QCOMPARE(notifier.shown.size(), 2);
        const Notice ended = notifier.shown.at(1);
        QCOMPARE(ended.kind, NoticeKind::JobEnded);
        QCOMPARE(ended.subject, started.subject); // replaces the start's notice
        QCOMPARE(ended.title, u"Job 2 (train): completed"_s);
        const QStringList lines = ended.text.split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(u"COMPLETED"_s) && lines.at(0).contains(u"exit code 0:0"_s)
                     && lines.at(0).contains(u"10 min"_s),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(u"CPU 50 %"_s) && lines.at(1).contains(u"memory 25 %"_s)
                     && lines.at(1).contains(u"time 17 %"_s),
                 qPrintable(lines.at(1)));

        // The record again (accounting asked once more): not announced twice.
        model.setFinished({record(u"2"_s, JobState::Completed, u"COMPLETED"_s, u"0:0"_s)});
        QCOMPARE(notifier.shown.size(), 2);
    }

    void failuresAreFailures_data()
    {
        QTest::addColumn<JobState>("state");
        QTest::addColumn<QString>("stateText");
        QTest::addColumn<QString>("title");
        QTest::newRow("failed") << JobState::Failed << u"FAILED"_s << u"Job 1 (train): failed"_s;
        QTest::newRow("timeout") << JobState::TimedOut << u"TIMEOUT"_s << u"Job 1 (train): timed out"_s;
        QTest::newRow("oom") << JobState::OutOfMemory << u"OUT_OF_MEMORY"_s << u"Job 1 (train): out of memory"_s;
        QTest::newRow("cancelled") << JobState::Cancelled << u"CANCELLED by 1000"_s << u"Job 1 (train): cancelled"_s;
    }

    void failuresAreFailures()
    {
        QFETCH(JobState, state);
        QFETCH(QString, stateText);
        QFETCH(QString, title);
        JobListModel model;
        RecordingNotifier notifier;
        JobNotices notices(&model);
        notices.setNotifier(&notifier);
        notices.setCluster(u"hawk"_s);
        model.setJobs({job(u"1"_s, JobState::Running), job(u"9"_s, JobState::Pending)});
        model.setJobs({job(u"9"_s, JobState::Pending)});
        model.setFinished({record(u"1"_s, state, stateText, u"1:0"_s)});
        QCOMPARE(notifier.shown.size(), 1); // it was running at the first fill: only its end
        const Notice notice = notifier.shown.at(0);
        QCOMPARE(notice.kind, NoticeKind::JobFailed);
        QCOMPARE(notice.title, title);
        QVERIFY2(notice.text.startsWith(stateText + u" · exit code 1:0"_s), qPrintable(notice.text));
    }

    void unknownOutcome()
    {
        JobListModel model;
        RecordingNotifier notifier;
        JobNotices notices(&model);
        notices.setNotifier(&notifier);
        notices.setCluster(u"hawk"_s);
        model.setJobs({job(u"1"_s, JobState::Running), job(u"9"_s, JobState::Pending)});
        model.setJobs({job(u"9"_s, JobState::Pending)});
        model.setOutcomeUnknown({u"1"_s}, u"accounting has no record of how it ended."_s);
        QCOMPARE(notifier.shown.size(), 1);
        QCOMPARE(notifier.shown.at(0).kind, NoticeKind::JobEnded);
        QCOMPARE(notifier.shown.at(0).title, u"Job 1 (train) ended"_s);
        QVERIFY(notifier.shown.at(0).text.endsWith(u"accounting has no record of how it ended."_s));
        model.setOutcomeUnknown({u"1"_s}, u"again"_s);
        QCOMPARE(notifier.shown.size(), 1);
    }

    void emptyFirstListingMakesLaterJobsNews()
    {
        JobListModel model;
        RecordingNotifier notifier;
        JobNotices notices(&model);
        notices.setNotifier(&notifier);
        notices.setCluster(u"hawk"_s);
        model.setJobs({});
        // Submitted and started between two refreshes: its first listing finds it running.
        model.setJobs({job(u"5"_s, JobState::Running)});
        QCOMPARE(notifier.shown.size(), 1);
        QCOMPARE(notifier.shown.at(0).subject, u"job:5"_s);
        QCOMPARE(notifier.shown.at(0).kind, NoticeKind::JobStarted);

        // Emptied (another cluster, or everyone's jobs): the next fill is not news again.
        model.clear();
        model.setJobs({job(u"6"_s, JobState::Running)});
        QCOMPARE(notifier.shown.size(), 1);
        // A job added to a filled list, already running, is.
        model.setJobs({job(u"6"_s, JobState::Running), job(u"7"_s, JobState::Running)});
        QCOMPARE(notifier.shown.size(), 2);
        QCOMPARE(notifier.shown.at(1).subject, u"job:7"_s);
    }

    void onlyTheUsersJobs()
    {
        // With everyone's jobs listed, only the user's are announced.
        JobListModel model;
        RecordingNotifier notifier;
        JobNotices notices(&model);
        notices.setNotifier(&notifier);
        notices.setUser(u"alice"_s);
        Job bobs = job(u"2"_s, JobState::Pending);
        bobs.user = u"bob"_s;
        model.setJobs({job(u"1"_s, JobState::Pending), bobs});
        bobs.state = JobState::Running;
        model.setJobs({job(u"1"_s, JobState::Running), bobs});
        QCOMPARE(notifier.shown.size(), 1);
        QCOMPARE(notifier.shown.at(0).subject, u"job:1"_s);
        model.setJobs({});
        model.setFinished({record(u"1"_s, JobState::Completed, u"COMPLETED"_s, u"0:0"_s),
                           record(u"2"_s, JobState::Completed, u"COMPLETED"_s, u"0:0"_s)});
        QCOMPARE(notifier.shown.size(), 2);
        QCOMPARE(notifier.shown.at(1).subject, u"job:1"_s);
    }

    void staleListingIsNotAStart()
    {
        JobListModel model;
        RecordingNotifier notifier;
        JobNotices notices(&model);
        notices.setNotifier(&notifier);
        model.setJobs({job(u"1"_s, JobState::Running)});
        model.markUnknown(u"timed out"_s);
        model.setJobs({job(u"1"_s, JobState::Running)});
        QVERIFY(notifier.shown.isEmpty());
    }

    void efficiencyLine()
    {
        JobAccounting r = record(u"1"_s, JobState::Completed, u"COMPLETED"_s, u"0:0"_s);
        QCOMPARE(JobNotices::efficiencyLine(r), u"Used: CPU 50 %, memory 25 % of 4.0 GB, time 17 % of the limit"_s);
        r.cpuSeconds.reset();
        r.maxRssBytes.reset();
        r.timeLimitSeconds.reset();
        QCOMPARE(JobNotices::efficiencyLine(r), QString());
    }
};

QTEST_GUILESS_MAIN(TestJobNotices)
#include "tst_jobnotices.moc"
