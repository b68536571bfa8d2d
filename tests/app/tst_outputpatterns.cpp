// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Slurm's output filename patterns, expanded as slurmstepd expands them. The expected names were
// checked against the demo cluster's Slurm 24.11: sbatch -J "my job" -o
// "pat-%J-%s-%5j-%N-%n-%t-%a-%A-%b-%u-%x-%z-%3x.out" wrote
// "pat-1-batch-00001-demo-cluster-0-0-4294967294-1-4-alice-my job-%z-my job.out", and the array
// job 2 (-a 2-3 -o "arr-%j-%A-%a-%3a-%b.out") wrote "arr-3-2-2-002-2.out" for its task 2.

#include "app/jobs/OutputPatterns.h"

#include <QTest>

using namespace Qt::StringLiterals;
using app::OutputPatterns;

namespace {

OutputPatterns::Facts plainJob()
{
    OutputPatterns::Facts job;
    job.jobId = u"1"_s;
    job.name = u"my job"_s;
    job.user = u"alice"_s;
    job.nodeList = u"demo-cluster"_s;
    job.workDirectory = u"/home/alice/run"_s;
    return job;
}

OutputPatterns::Facts arrayTask()
{
    OutputPatterns::Facts job = plainJob();
    job.jobId = u"3"_s;
    job.arrayJobId = u"2"_s;
    job.arrayTaskId = u"2"_s;
    job.nodeList = u"node[01-04,07],gpu1"_s;
    return job;
}

} // namespace

class tst_OutputPatterns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expand_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("array");
        QTest::addColumn<QString>("expected");
        QTest::newRow("recorded on the demo")
            << u"pat-%J-%s-%5j-%N-%n-%t-%a-%A-%b-%u-%x-%z-%3x.out"_s << false
            << u"pat-1-batch-00001-demo-cluster-0-0-4294967294-1-4-alice-my job-%z-my job.out"_s;
        QTest::newRow("array, recorded") << u"arr-%j-%A-%a-%3a-%b.out"_s << true << u"arr-3-2-2-002-2.out"_s;
        QTest::newRow("literal percent") << u"100%%-%j.log"_s << false << u"100%-1.log"_s;
        QTest::newRow("three percent") << u"%%%j"_s << false << u"%1"_s;
        QTest::newRow("width capped at 10") << u"%25j"_s << false << u"0000000001"_s;
        QTest::newRow("first node of a list") << u"%N.out"_s << true << u"node01.out"_s;
        QTest::newRow("nothing to expand") << u"plain.txt"_s << false << u"plain.txt"_s;
        QTest::newRow("trailing percent") << u"odd%"_s << false << u"odd%"_s;
        QTest::newRow("escaped") << u"no\\%j\\\\here"_s << false << u"no%j\\here"_s;
        QTest::newRow("unicode name") << u"%x.out"_s << false << u"my job.out"_s;
    }

    void expand()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, array);
        QFETCH(QString, expected);
        const auto name = OutputPatterns::expandSlurm(pattern, array ? arrayTask() : plainJob());
        QVERIFY(name);
        QCOMPARE(*name, expected);
    }

    void unknownFactsGiveNothing()
    {
        OutputPatterns::Facts pending = plainJob();
        pending.nodeList.clear(); // not running yet
        QVERIFY(!OutputPatterns::expandSlurm(u"%N.out", pending));
        QVERIFY(OutputPatterns::expandSlurm(u"%j.out", pending));
        // A listing does not give an array task's own number.
        app::Job task;
        task.id = u"2_2"_s;
        task.arrayJobId = u"2"_s;
        task.arrayTaskId = u"2"_s;
        task.workDirectory = u"/w"_s;
        const auto facts = OutputPatterns::factsOf(task);
        QVERIFY(!OutputPatterns::expandSlurm(u"%j.out", facts));
        QCOMPARE(OutputPatterns::slurmPath(facts), u"/w/slurm-2_2.out"_s);
        // A pending range has no one index.
        task.arrayTaskId = u"[3-9]"_s;
        QVERIFY(!OutputPatterns::expandSlurm(u"%a", OutputPatterns::factsOf(task)));
    }

    void defaultPathsAreInTheWorkingDirectory()
    {
        QCOMPARE(OutputPatterns::slurmDefaultPattern(false), u"slurm-%j.out"_s);
        QCOMPARE(OutputPatterns::slurmDefaultPattern(true), u"slurm-%A_%a.out"_s);
        QCOMPARE(OutputPatterns::slurmPath(plainJob()), u"/home/alice/run/slurm-1.out"_s);
        QCOMPARE(OutputPatterns::slurmPath(arrayTask()), u"/home/alice/run/slurm-2_2.out"_s);
        QCOMPARE(OutputPatterns::slurmPath(plainJob(), u"logs/%x-%j.txt"), u"/home/alice/run/logs/my job-1.txt"_s);
        QCOMPARE(OutputPatterns::slurmPath(plainJob(), u"/scratch/%u/%j.out"), u"/scratch/alice/1.out"_s);
        OutputPatterns::Facts slash = plainJob();
        slash.workDirectory = u"/"_s;
        QCOMPARE(OutputPatterns::slurmPath(slash), u"/slurm-1.out"_s);
        OutputPatterns::Facts nowhere = plainJob();
        nowhere.workDirectory.clear();
        QVERIFY(!OutputPatterns::slurmPath(nowhere));
    }

    void firstNode_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("first");
        QTest::newRow("one") << u"node01"_s << u"node01"_s;
        QTest::newRow("range") << u"node[01-04]"_s << u"node01"_s;
        QTest::newRow("list in brackets") << u"node[07,01-04]"_s << u"node07"_s;
        QTest::newRow("several") << u"gpu-a[1-2],cpu01"_s << u"gpu-a1"_s;
        QTest::newRow("plain list") << u"cn5,cn6"_s << u"cn5"_s;
        QTest::newRow("suffix") << u"r[1-2]n1"_s << u"r1n1"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void firstNode()
    {
        QFETCH(QString, list);
        QFETCH(QString, first);
        QCOMPARE(OutputPatterns::firstNode(list), first);
    }
};

QTEST_GUILESS_MAIN(tst_OutputPatterns)
#include "tst_outputpatterns.moc"
