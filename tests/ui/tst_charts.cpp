// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Monitor's chart widgets: a day of samples draws as a few points per pixel with its peaks,
// hovering reads values, zooming redraws the range in detail, exports write real PNG, SVG and CSV files (a full disk or
// a folder that cannot be written gives an error a person can read), and the colours follow the palette.
#include "TestSupport.h"
#include "ui/monitor/CategoryChart.h"
#include "ui/monitor/TimeChart.h"
#include "ui/screenshots/Screenshot.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <cmath>

using ui::ChartLine;
using ui::TimeChart;

namespace {

constexpr qint64 Start = 1'765'000'000'000; // ms since the epoch
constexpr qint64 Step = 10'000;             // 10-second samples

// A day of 10-second samples: a slow wave with one-sample spikes at known places.
app::Series day(double base, QList<qsizetype> spikes, double spike)
{
    app::Series series;
    series.reserve(8640);
    for (qsizetype i = 0; i < 8640; ++i) {
        const double y = spikes.contains(i) ? spike : base + std::sin(double(i) / 300.0);
        series.append(Start + i * Step, float(y));
    }
    return series;
}

app::Series of(std::initializer_list<std::pair<qint64, float>> samples)
{
    app::Series series;
    for (const auto &[time, value] : samples)
        series.append(time, value);
    return series;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsAFewPointsPerPixelWithThePeaksAndZooms()
    {
        TimeChart chart(QStringLiteral("GPU utilisation"), QStringLiteral("%"));
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setLines({{QStringLiteral("GPU 0"), day(40, {100, 5000}, 99), 1, false},
                        {QStringLiteral("GPU 1"), day(10, {}, 0), 1, false}});
        // Drawn again for the plot area's final width once the axes' labels have settled.
        QTRY_VERIFY2(chart.drawnPointCount() <= 2 * (2 * int(chart.chart()->plotArea().width()) + 2),
                     qPrintable(QString::number(chart.drawnPointCount())));
        QVERIFY(chart.chart()->plotArea().width() > 100);
        QVERIFY(!chart.isZoomed());
        // Both one-sample spikes are drawn, however far out the chart is.
        const auto *gpu0 = qobject_cast<QLineSeries *>(chart.chart()->series().constFirst());
        int spikes = 0;
        for (const QPointF &point : gpu0->points())
            spikes += point.y() == 99;
        QCOMPARE(spikes, 2);

        // Zooming into ten minutes draws those samples one by one.
        const qint64 from = Start + 100 * Step, to = Start + 160 * Step;
        chart.zoomTo(from, to);
        QVERIFY(chart.isZoomed());
        const auto *series = qobject_cast<QLineSeries *>(chart.chart()->series().constFirst());
        QCOMPARE(series->count(), 61 + 2);
        const auto *axis = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).constFirst());
        QCOMPARE(axis->min().toMSecsSinceEpoch(), from);
        chart.zoomTo(0, 0);
        QVERIFY(!chart.isZoomed());
        QCOMPARE(axis->max().toMSecsSinceEpoch(), Start + 8639 * Step);
        const auto *values = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).constFirst());
        QVERIFY(values->max() >= 99);
    }

    void hoverReadsEveryLineAtThatTime()
    {
        TimeChart chart(QStringLiteral("Memory"), QStringLiteral("GiB"));
        chart.setValueFormat(QStringLiteral("%1 GiB"), 1);
        constexpr double GiB = 1024.0 * 1024 * 1024;
        chart.setLines(
            {{QStringLiteral("resident"), of({{Start, float(1 * GiB)}, {Start + Step, float(2.5 * GiB)}}), GiB, false},
             {QStringLiteral("asked for"), of({{Start, float(4 * GiB)}, {Start + Step, float(4 * GiB)}}), GiB, true}});
        const QString text = chart.valuesAt(Start + Step - 1000);
        QVERIFY2(text.contains(QStringLiteral("resident: 2.5 GiB")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("asked for: 4.0 GiB")), qPrintable(text));
        QVERIFY(chart.valuesAt(Start + 3'600'000).isEmpty()); // far from any sample
    }

    void exportsPngSvgAndCsv()
    {
        QTemporaryDir dir;
        TimeChart chart(QStringLiteral("Cores busy"), QStringLiteral("cores"));
        chart.setValueFormat(QStringLiteral("%1 cores"), 2);
        chart.setLines({{QStringLiteral("cores busy"), of({{Start, 1.5f}, {Start + Step, 2.0f}}), 1, false},
                        {QStringLiteral("cores allocated"), of({{Start + Step, 2.0f}}), 1, true}});
        chart.resize(800, 400);

        const QString png = dir.filePath(QStringLiteral("cores.png"));
        QVERIFY_RESULT(chart.savePng(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);

        const QString svg = dir.filePath(QStringLiteral("cores.svg"));
        QVERIFY_RESULT(chart.saveSvg(svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

        const QString csv = dir.filePath(QStringLiteral("cores.csv"));
        QVERIFY_RESULT(chart.saveCsv(csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().split('\n');
        QCOMPARE(lines.value(0).trimmed(), QByteArray("time (UTC),cores busy (cores),cores allocated (cores)"));
        QCOMPARE(lines.value(1).trimmed(),
                 QDateTime::fromMSecsSinceEpoch(Start, QTimeZone::UTC).toString(Qt::ISODateWithMs).toUtf8()
                     + ",1.500,");
        QVERIFY(lines.value(2).trimmed().endsWith(",2.000,2.000"));

        // Nowhere to write: an error naming the file, and nothing half-written.
        const auto refused = chart.saveCsv(QStringLiteral("/proc/clusterdesk-no/cores.csv"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("cores.csv")), qPrintable(refused.error().message));
    }

    void csvQuotesWhatNeedsIt()
    {
        ui::ChartTable table{{QStringLiteral("name"), QStringLiteral("value")},
                             {{QStringLiteral("a,b"), QStringLiteral("say \"hi\"")}, {QStringLiteral("x"), QString()}}};
        QCOMPARE(table.toCsv(), QByteArray("name,value\r\n\"a,b\",\"say \"\"hi\"\"\"\r\nx,\r\n"));
    }

    void barsStackAndReadAsTable()
    {
        ui::CategoryChart chart(QStringLiteral("CPUs now"), QStringLiteral("CPUs"), ui::CategoryChart::Layout::Stacked);
        chart.setData({QStringLiteral("cpu"), QStringLiteral("gpu")}, {{QStringLiteral("allocated"), {2, 0}},
                                                                       {QStringLiteral("idle"), {0, 2}},
                                                                       {QStringLiteral("unavailable"), {0, 0}}});
        const ui::ChartTable table = chart.table();
        QCOMPARE(table.header, (QStringList{QString(), QStringLiteral("allocated (CPUs)"),
                                            QStringLiteral("idle (CPUs)"), QStringLiteral("unavailable (CPUs)")}));
        QCOMPARE(table.rows.value(1),
                 (QStringList{QStringLiteral("gpu"), QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("0")}));
        chart.setUnavailable(QStringLiteral("The scheduler does not report memory per partition."));
        QVERIFY(chart.isUnavailable());
        chart.setUnavailable({});
        QVERIFY(!chart.isUnavailable());
    }

    void followsTheDarkPalette()
    {
        TimeChart chart(QStringLiteral("GPU memory"), QStringLiteral("GiB"));
        chart.setLines({{QStringLiteral("GPU 0"), day(20, {}, 0), 1, false}});
        chart.resize(700, 320);
        QPalette dark = chart.palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x1c));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        chart.setPalette(dark);
        QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(0x18, 0x18, 0x1c));
        const auto *axis = chart.chart()->axes(Qt::Horizontal).constFirst();
        QCOMPARE(axis->labelsColor(), QColor(0xee, 0xee, 0xee));
        const auto *series = qobject_cast<QLineSeries *>(chart.chart()->series().constFirst());
        QVERIFY(series->pen().color().lightness() > 128); // a light line on a dark ground
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QVERIFY_RESULT(ui::saveScreenshot(&chart, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/chart-dark.png")));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
