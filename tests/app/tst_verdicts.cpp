// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The words under the Monitor's charts: the issue's sentences exactly, what to ask for next time,
// missing figures said plainly, and the edges (nothing busy, no limit, over the limit, units).

#include "TestSupport.h"
#include "app/monitor/Verdicts.h"
#include "app/schedulers/JobAccounting.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using app::Verdict;
using app::Verdicts;

namespace {

constexpr qint64 mib = 1024LL * 1024;
constexpr qint64 gib = 1024 * mib;

QStringList texts(const QList<Verdict> &verdicts)
{
    QStringList list;
    for (const Verdict &verdict : verdicts)
        list.append(verdict.text);
    return list;
}

app::GpuSeries gpu(int index, double peak, double average)
{
    app::GpuSeries series;
    series.index = index;
    series.uuid = u"GPU-%1"_s.arg(index);
    series.utilisation.append(1000, float(average));
    series.utilisation.append(2000, float(peak));
    series.peakUtilisation = peak;
    series.averageUtilisation = average;
    return series;
}

} // namespace

class tst_Verdicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void theIssuesSentences()
    {
        QCOMPARE(Verdicts::cpu(5.8, 6, false, {}).text, u"about 6 of the 6 cores were busy"_s);
        QCOMPARE(Verdicts::cpu(5.8, 6, false, {}).severity, Verdict::Good);
        const Verdict memory = Verdicts::memory(qint64(3.1 * double(gib)), 55 * gib, false, {});
        QCOMPARE(memory.text, u"memory peaked at 3.1 of 55 GiB: ask for 8 GiB next time"_s);
        QCOMPARE(memory.severity, Verdict::Warning);
        const QList<Verdict> gpus = Verdicts::gpu({gpu(0, 48, 31)}, 1);
        QCOMPARE(gpus.size(), 2);
        QCOMPARE(gpus[0].text, u"GPU utilisation never went over 48 %"_s);
        QCOMPARE(gpus[0].kind, Verdict::Gpu);
        QCOMPARE(gpus[1].text, u"GPU utilisation averaged 31 %"_s);
        QCOMPARE(Verdicts::cpu(1.0, 8, true, {}).text, u"about 1 of the 8 cores were busy: ask for 2 next time"_s);
        QCOMPARE(Verdicts::time(70 * 60, 24 * 3600, true).text, u"used 1 h 10 min of the 24 h asked: ask for 2 h"_s);
        QCOMPARE(Verdicts::memory(std::nullopt, 55 * gib, false,
                                  u"Memory use is not known yet: no sample has come in."_s)
                     .text,
                 u"Memory use is not known yet: no sample has come in."_s);
    }

    void cpuEdges()
    {
        const Verdict none = Verdicts::cpu(0.0, 8, true, {});
        QCOMPARE(none.text, u"almost none of the 8 cores were busy: ask for 1 next time"_s);
        QCOMPARE(none.severity, Verdict::Warning);
        QCOMPARE(Verdicts::cpu(3.2, 8, true, {}).text, u"about 3 of the 8 cores were busy: ask for 4 next time"_s);
        QCOMPARE(Verdicts::cpu(3.2, 8, true, {}).severity, Verdict::Note);
        QCOMPARE(Verdicts::cpu(5.0, 8, true, {}).text, u"about 5 of the 8 cores were busy"_s); // 62 %: fine
        QCOMPARE(Verdicts::cpu(2.0, std::nullopt, true, {}).text,
                 u"about 2 cores were busy; how many were allocated is not known"_s);
        QCOMPARE(Verdicts::cpu(0.8, 1, true, {}).text, u"the one core was busy about 80 % of the time"_s);
        const Verdict missing = Verdicts::cpu(std::nullopt, 8, false, u"CPU use is not known yet."_s);
        QCOMPARE(missing.text, u"CPU use is not known yet."_s);
        QCOMPARE(missing.severity, Verdict::Note);
        QCOMPARE(Verdicts::suggestedCores(0.0), 1);
        QCOMPARE(Verdicts::suggestedCores(5.0), 6);
    }

    void memoryEdges()
    {
        QCOMPARE(Verdicts::memory(qint64(3.1 * double(gib)), std::nullopt, true, {}).text,
                 u"memory peaked at 3.1 GiB; the limit asked for is not known"_s);
        const Verdict over = Verdicts::memory(6 * gib, 4 * gib, true, {});
        QCOMPARE(over.text, u"memory peaked at 6 GiB, over the 4 GiB asked: ask for 12 GiB next time"_s);
        QCOMPARE(over.severity, Verdict::Warning);
        QCOMPARE(Verdicts::memory(300 * mib, 55 * gib, true, {}).text,
                 u"memory peaked at 300 MiB of 55 GiB: ask for 1 GiB next time"_s);
        QCOMPARE(Verdicts::memory(100 * mib, 4 * gib, true, {}).text,
                 u"memory peaked at 100 MiB of 4 GiB: ask for 512 MiB next time"_s);
        QCOMPARE(Verdicts::memory(700 * mib, 1 * gib, true, {}).text, u"memory peaked at 700 MiB of 1 GiB"_s);
        QCOMPARE(Verdicts::memory(52 * gib, 55 * gib, true, {}).text,
                 u"memory peaked at 52 of 55 GiB, close to the limit: ask for 96 GiB next time"_s);
        QCOMPARE(Verdicts::memory(40 * gib, 55 * gib, true, {}).text, u"memory peaked at 40 of 55 GiB"_s);
        QCOMPARE(Verdicts::memory(40 * gib, 55 * gib, true, {}).severity, Verdict::Good);
    }

    void suggestedMemory_data()
    {
        QTest::addColumn<qint64>("peak");
        QTest::addColumn<qint64>("suggested");
        QTest::newRow("nothing") << 0LL << 256 * mib;
        QTest::newRow("200 MiB") << 200 * mib << 512 * mib;
        QTest::newRow("3.1 GiB") << qint64(3.1 * double(gib)) << 8 * gib;
        QTest::newRow("6 GiB") << 6 * gib << 12 * gib;
        QTest::newRow("10 GiB") << 10 * gib << 16 * gib;
        QTest::newRow("40 GiB") << 40 * gib << 64 * gib;
        QTest::newRow("100 GiB") << 100 * gib << 192 * gib;
    }

    void suggestedMemory()
    {
        QFETCH(qint64, peak);
        QFETCH(qint64, suggested);
        QCOMPARE(Verdicts::suggestedMemoryBytes(peak), suggested);
    }

    void bytesTexts_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("bytes") << 512LL << u"512 bytes"_s;
        QTest::newRow("KiB") << 2048LL << u"2 KiB"_s;
        QTest::newRow("MiB") << 300 * mib << u"300 MiB"_s;
        QTest::newRow("1.5 GiB") << 3 * gib / 2 << u"1.5 GiB"_s;
        QTest::newRow("just under 10") << qint64(9.97 * double(gib)) << u"10 GiB"_s;
        QTest::newRow("55 GiB") << 55 * gib << u"55 GiB"_s;
        QTest::newRow("1023 MiB") << 1023 * mib << u"1023 MiB"_s;
    }

    void bytesTexts()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(Verdicts::bytesText(bytes), text);
    }

    void durations()
    {
        QCOMPARE(Verdicts::durationText(40), u"40 s"_s);
        QCOMPARE(Verdicts::durationText(45 * 60), u"45 min"_s);
        QCOMPARE(Verdicts::durationText(70 * 60 + 10), u"1 h 10 min"_s);
        QCOMPARE(Verdicts::durationText(24 * 3600), u"24 h"_s);
        QCOMPARE(Verdicts::durationText(76 * 3600), u"3 d 4 h"_s);
        QCOMPARE(Verdicts::suggestedSeconds(5 * 60), 15 * 60);
        QCOMPARE(Verdicts::suggestedSeconds(70 * 60), 2 * 3600);
        QCOMPARE(Verdicts::suggestedSeconds(60 * 3600), 4 * 24 * 3600);
    }

    void timeEdges()
    {
        QCOMPARE(Verdicts::time(70 * 60, std::nullopt, true).text, u"used 1 h 10 min; the time limit is not known"_s);
        QCOMPARE(Verdicts::time(70 * 60, 24 * 3600, false).text, u"has used 1 h 10 min of the 24 h asked so far"_s);
        const Verdict stopped = Verdicts::time(2 * 3600, 2 * 3600, true);
        QCOMPARE(stopped.text, u"used all of the 2 h asked and was stopped at the limit: ask for more next time"_s);
        QCOMPARE(stopped.severity, Verdict::Warning);
        QCOMPARE(Verdicts::time(100 * 60, 2 * 3600, true).text, u"used 1 h 40 min of the 2 h asked"_s);
        QCOMPARE(Verdicts::time(std::nullopt, 3600, false).severity, Verdict::Note);
    }

    void gpus()
    {
        QVERIFY(Verdicts::gpu({}, std::nullopt).isEmpty());
        QCOMPARE(texts(Verdicts::gpu({}, 2)), QStringList{u"GPU use is not known yet: no sample has come in."_s});
        app::GpuSeries busy = gpu(1, 99.6, 87);
        busy.memoryUsedBytes.append(2000, float(12 * gib));
        busy.memoryTotalBytes = 40 * gib;
        QCOMPARE(texts(Verdicts::gpu({gpu(0, 48, 31), busy}, 2)),
                 (QStringList{u"GPU 0 utilisation never went over 48 %"_s, u"GPU 0 utilisation averaged 31 %"_s,
                              u"GPU 1 utilisation reached 100 %"_s,
                              u"GPU 1 utilisation averaged 87 %; its memory peaked at 12 of 40 GiB"_s}));
        QCOMPARE(Verdicts::gpu({busy}, 1)[1].severity, Verdict::Good);
        QCOMPARE(Verdicts::gpu({gpu(0, 10, 3)}, 1)[0].severity, Verdict::Warning);
    }

    void fromSamples()
    {
        app::JobFacts facts;
        facts.jobId = u"1234"_s;
        facts.allocatedCpus = 8;
        facts.memoryLimitBytes = 55 * gib;
        facts.timeLimitSeconds = 24 * 3600;
        facts.gpuCount = 1;
        facts.start = testsupport::utc(2026, 12, 7, 9, 0);
        app::JobSeries job;
        QCOMPARE(texts(Verdicts::fromSamples(facts, job, {}, facts.start.addSecs(30))),
                 (QStringList{u"CPU use is not known yet: no sample has come in."_s,
                              u"Memory use is not known yet: no sample has come in."_s,
                              u"GPU use is not known yet: no sample has come in."_s,
                              u"has used 30 s of the 24 h asked so far"_s}));
        job.averageCoresBusy = 1.0;
        job.peakRssBytes = qint64(3.1 * double(gib));
        facts.end = facts.start.addSecs(70 * 60);
        const QList<Verdict> verdicts = Verdicts::fromSamples(facts, job, {gpu(0, 48, 31)}, facts.end.addDays(1));
        QCOMPARE(texts(verdicts),
                 (QStringList{u"about 1 of the 8 cores were busy: ask for 2 next time"_s,
                              u"memory peaked at 3.1 of 55 GiB: ask for 8 GiB next time"_s,
                              u"GPU utilisation never went over 48 %"_s, u"GPU utilisation averaged 31 %"_s,
                              u"used 1 h 10 min of the 24 h asked: ask for 2 h"_s}));
        QCOMPARE(verdicts[0].kind, Verdict::Cpu);
        QCOMPARE(verdicts[1].kind, Verdict::Memory);
        QCOMPARE(verdicts[4].kind, Verdict::Time);
    }

    void fromAccounting()
    {
        app::JobAccounting job;
        job.allocatedCpus = 6;
        job.elapsedSeconds = 70 * 60;
        job.cpuSeconds = 6.0 * 70 * 60 * 0.97;
        job.timeLimitSeconds = 24 * 3600;
        job.requestedMemoryBytes = 55 * gib;
        job.maxRssBytes = qint64(3.1 * double(gib));
        job.allocatedResources = u"billing=6,cpu=6,gres/gpu:a100=1,mem=55G,node=1"_s;
        job.endTime = testsupport::utc(2026, 12, 7, 10, 10);
        QCOMPARE(texts(Verdicts::fromAccounting(job)),
                 (QStringList{u"about 6 of the 6 cores were busy"_s,
                              u"memory peaked at 3.1 of 55 GiB: ask for 8 GiB next time"_s,
                              u"GPU use is not known: the scheduler keeps no GPU figures for this job."_s,
                              u"used 1 h 10 min of the 24 h asked: ask for 2 h"_s}));
        app::JobAccounting bare;
        bare.allocatedCpus = 2;
        QCOMPARE(texts(Verdicts::fromAccounting(bare)).mid(0, 2),
                 (QStringList{u"CPU use is not known: the scheduler gives none for this job."_s,
                              u"Memory use is not known: the scheduler gives none for this job."_s}));
    }
};

QTEST_GUILESS_MAIN(tst_Verdicts)
#include "tst_verdicts.moc"
