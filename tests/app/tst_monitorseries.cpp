// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor's in-memory series: order, ranges, the time-weighted mean, its size in memory, and the
// reduction for drawing that keeps every spike and dip visible.

#include "app/monitor/Series.h"

#include <QTest>

#include <cmath>

using app::Series;

namespace {

constexpr qint64 start = 1'780'000'000'000; // ms since the epoch (2026)
constexpr qint64 step = 10'000;             // a sample every 10 s
constexpr int day = 8640;                   // 24 h of them

// A day of samples around 10, with one spike and one dip, each a single sample.
Series dayWithSpike(int spikeAt, int dipAt)
{
    Series series;
    series.reserve(day);
    for (int i = 0; i < day; ++i) {
        float value = 10.0f + float(i % 7) * 0.1f;
        if (i == spikeAt)
            value = 95.0f;
        if (i == dipAt)
            value = 0.5f;
        series.append(start + i * step, value);
    }
    return series;
}

} // namespace

class tst_MonitorSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendKeepsTimeOrder()
    {
        Series series;
        series.append(1000, 1.0f);
        series.append(2000, 2.0f);
        series.append(1500, 9.0f); // older than the last: dropped
        series.append(2000, 3.0f); // the same time: replaces
        QCOMPARE(series.size(), 2u);
        QCOMPARE(series.valueAt(1), 3.0f);
        QCOMPARE(series.firstTime(), 1000);
        QCOMPARE(series.lastTime(), 2000);
        QCOMPARE(*series.maximum(), 3.0f);
        QCOMPARE(*series.minimum(), 1.0f);
        QVERIFY(!Series().maximum());
        QVERIFY(!Series().timeWeightedMean());
    }

    void betweenIsInclusive()
    {
        const Series series = dayWithSpike(-1, -1);
        const Series part = series.between(start + 10 * step, start + 20 * step);
        QCOMPARE(part.size(), 11u);
        QCOMPARE(part.firstTime(), start + 10 * step);
        QCOMPARE(part.lastTime(), start + 20 * step);
        QVERIFY(series.between(start - 5 * step, start - step).isEmpty());
    }

    void timeWeightedMean()
    {
        Series series;
        for (int i = 0; i < 10; ++i)
            series.append(start + i * step, 4.0f);
        QCOMPARE(*series.timeWeightedMean(), 4.0);
        // Each value stands for the time since the sample before: 2 cores for 10 s, then 6 for 30 s.
        Series uneven;
        uneven.append(start, 2.0f);
        uneven.append(start + 10'000, 2.0f);
        uneven.append(start + 20'000, 6.0f);
        uneven.append(start + 30'000, 6.0f);
        uneven.append(start + 40'000, 6.0f);
        QVERIFY(std::abs(*uneven.timeWeightedMean() - (2 * 2 + 6 * 3) / 5.0) < 1e-6);
        // A gap of a day does not make the value after it count for a day.
        Series gap;
        for (int i = 0; i < 10; ++i)
            gap.append(start + i * step, 1.0f);
        gap.append(start + 10 * step + 86'400'000, 100.0f);
        QVERIFY(*gap.timeWeightedMean() < 20.0);
    }

    void forWidthKeepsPeaks_data()
    {
        QTest::addColumn<int>("spikeAt");
        QTest::addColumn<int>("dipAt");
        QTest::addColumn<int>("pixels");
        QTest::newRow("800 px") << 4321 << 1234 << 800;
        QTest::newRow("first and last sample") << 0 << day - 1 << 800;
        QTest::newRow("one pixel") << 17 << 8000 << 1;
        QTest::newRow("neighbours") << 5000 << 5001 << 300;
    }

    void forWidthKeepsPeaks()
    {
        QFETCH(int, spikeAt);
        QFETCH(int, dipAt);
        QFETCH(int, pixels);
        const Series series = dayWithSpike(spikeAt, dipAt);
        const Series drawn = series.forWidth(series.firstTime(), series.lastTime(), pixels);
        QVERIFY(drawn.size() <= 2u * std::size_t(pixels));
        QCOMPARE(*drawn.maximum(), 95.0f);
        QCOMPARE(*drawn.minimum(), 0.5f);
        // Every point drawn is a real sample, in time order.
        for (std::size_t i = 0; i < drawn.size(); ++i) {
            QCOMPARE((drawn.timeAt(i) - start) % step, 0);
            QCOMPARE(drawn.valueAt(i), series.valueAt(std::size_t((drawn.timeAt(i) - start) / step)));
            if (i > 0)
                QVERIFY(drawn.timeAt(i) > drawn.timeAt(i - 1));
        }
    }

    void forWidthOfAFewSamplesIsThem()
    {
        const Series series = dayWithSpike(50, -1).between(start, start + 99 * step);
        QCOMPARE(series.forWidth(start, start + 99 * step, 800), series);
    }

    void forWidthAddsTheNeighboursOutsideTheRange()
    {
        const Series series = dayWithSpike(-1, -1);
        const qint64 from = start + 1000 * step + step / 2;
        const qint64 to = start + 3000 * step + step / 2;
        const Series drawn = series.forWidth(from, to, 400);
        QCOMPARE(drawn.firstTime(), start + 1000 * step);
        QCOMPARE(drawn.lastTime(), start + 3001 * step);
        QVERIFY(drawn.size() <= 2u * 400 + 2);
        QVERIFY(series.forWidth(from, to, 0).isEmpty());
        QVERIFY(Series().forWidth(from, to, 800).isEmpty());
    }

    void memoryIsTwelveBytesASample()
    {
        Series series = dayWithSpike(-1, -1);
        QCOMPARE(series.memoryBytes(), std::size_t(day) * 12);
        // 20 jobs, each with CPU, RSS, one GPU's utilisation and memory: well under 20 MiB.
        QVERIFY(20 * 4 * series.memoryBytes() < 10u * 1024 * 1024);
        series.clear();
        series.shrinkToFit();
        QCOMPARE(series.memoryBytes(), 0u);
    }
};

QTEST_GUILESS_MAIN(tst_MonitorSeries)
#include "tst_monitorseries.moc"
