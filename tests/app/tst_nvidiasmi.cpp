// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// nvidia-smi's parsers on recorded output of real GPUs (data/nvidia-smi, see SOURCES.md there: an
// H100 with driver 590.48.01, an A100 with 535.54.03 and MIG on, a Tesla T4 with 515.105.01), on the
// demo cluster's replay, and on damaged copies.

#include "TestSupport.h"
#include "app/monitor/NvidiaSmi.h"
#include "app/monitor/NvidiaSmiStream.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace app;
using namespace Qt::StringLiterals;

namespace {

QByteArray recorded(const QString &name)
{
    QFile file(QStringLiteral(CLUSTERDESK_TEST_DATA "/nvidia-smi/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return file.readAll();
}

constexpr qint64 MiB = 1024 * 1024;

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::UTC);
}

} // namespace

class TestNvidiaSmi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplingCommand()
    {
        QCOMPARE(NvidiaSmi::queryFields().join(u','),
                 u"timestamp,index,uuid,name,pci.bus_id,utilization.gpu,utilization.memory,memory.used,memory.total,"
                 "power.draw,temperature.gpu"_s);
        QCOMPARE(NvidiaSmi::samplingCommand(10),
                 "env TZ=UTC nvidia-smi --query-gpu=timestamp,index,uuid,name,pci.bus_id,utilization.gpu,"
                 "utilization.memory,memory.used,memory.total,power.draw,temperature.gpu "
                 "--format=csv,noheader,nounits -l 10");
        QVERIFY(NvidiaSmi::samplingCommand(0).endsWith(" -l 1"));
    }

    void values_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("unit");
        QTest::addColumn<std::optional<double>>("expected");
        QTest::addColumn<bool>("damaged");
        QTest::newRow("plain") << "100"_ba << "%"_ba << std::optional(100.0) << false;
        QTest::newRow("with unit") << "631.95 W"_ba << "W"_ba << std::optional(631.95) << false;
        QTest::newRow("N/A in brackets") << "[N/A]"_ba << "W"_ba << std::optional<double>() << false;
        QTest::newRow("N/A") << "N/A"_ba << "%"_ba << std::optional<double>() << false;
        QTest::newRow("not supported") << "[Not Supported]"_ba << "%"_ba << std::optional<double>() << false;
        QTest::newRow("unknown error") << "[Unknown Error]"_ba << "W"_ba << std::optional<double>() << false;
        QTest::newRow("empty") << " "_ba << "W"_ba << std::optional<double>() << false;
        QTest::newRow("other unit") << "631.95 kW"_ba << "W"_ba << std::optional<double>() << false;
        QTest::newRow("temperature") << "41 C"_ba << "C"_ba << std::optional(41.0) << false;
        QTest::newRow("garbage") << "lots"_ba << "%"_ba << std::optional<double>() << true;
        QTest::newRow("nan") << "nan"_ba << "%"_ba << std::optional<double>() << true;
    }

    void values()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, unit);
        QFETCH(std::optional<double>, expected);
        QFETCH(bool, damaged);
        bool wasDamaged = false;
        QCOMPARE(NvidiaSmi::number(text, unit, &wasDamaged), expected);
        QCOMPARE(wasDamaged, damaged);
    }

    void memoryAndTime()
    {
        bool damaged = false;
        QCOMPARE(NvidiaSmi::memory("19818", "MiB", &damaged), std::optional<qint64>(19818 * MiB));
        QCOMPARE(NvidiaSmi::memory("2 GiB", "GiB", &damaged), std::optional<qint64>(2048 * MiB));
        QCOMPARE(NvidiaSmi::memory("19 GB", "GB", &damaged), std::nullopt); // never misread as MiB
        QVERIFY(!damaged);
        QCOMPARE(NvidiaSmi::memory("1e300", "MiB", &damaged), std::nullopt);
        QVERIFY(damaged);
        QCOMPARE(NvidiaSmi::timestamp("2024/05/01 12:34:56.789"), utc(2024, 5, 1, 12, 34, 56, 789));
        QCOMPARE(NvidiaSmi::timestamp("2024/05/01 12:34:56"), utc(2024, 5, 1, 12, 34, 56));
        QVERIFY(!NvidiaSmi::timestamp("2024/13/45 99:99:99.999").isValid());
        QVERIFY(!NvidiaSmi::timestamp("Tue Jul 14 08:12:38 2026").isValid());
    }

    // The H100's full --format=csv query (212 columns, units in the header and the values): the
    // columns are found by name wherever they are.
    void csvWithHeader()
    {
        const auto idle = NvidiaSmi::parseCsv(recorded(u"h100-80gb-hbm3_590.48.01_idle.csv"_s));
        QVERIFY_RESULT(idle);
        QCOMPARE(idle->damaged, 0);
        QCOMPARE(idle->readings.size(), 1);
        GpuReading expected;
        expected.time = utc(2026, 7, 14, 8, 12, 38, 696);
        expected.index = 0;
        expected.uuid = u"GPU-00000000-0000-0000-0000-000000000000"_s;
        expected.name = u"NVIDIA H100 80GB HBM3"_s;
        expected.busId = u"00000000:00:09.0"_s;
        expected.utilisationPercent = 0;
        expected.memoryUtilisationPercent = 0;
        expected.memoryUsedBytes = 0;
        expected.memoryTotalBytes = 81559 * MiB;
        expected.powerWatts = 69.85;
        expected.temperatureCelsius = 41;
        QCOMPARE(idle->readings.first(), expected);

        const auto load = NvidiaSmi::parseCsv(recorded(u"h100-80gb-hbm3_590.48.01_load.csv"_s));
        QVERIFY_RESULT(load);
        const GpuReading &busy = load->readings.value(0);
        QCOMPARE(busy.utilisationPercent, 100.0);
        QCOMPARE(busy.memoryUtilisationPercent, 11.0);
        QCOMPARE(busy.memoryUsedBytes, 19818 * MiB);
        QCOMPARE(busy.powerWatts, 631.95);
        QCOMPARE(busy.temperatureCelsius, 59.0);
    }

    // The same query with nounits (units only in the header) and a different column order.
    void csvWithHeaderNoUnits()
    {
        const QByteArray output =
            "name, index, memory.used [MiB], utilization.gpu [%], power.draw [W], temperature.gpu\n"
            "NVIDIA H100 80GB HBM3, 1, 19818, 100, 631.95, 59\r\n"
            "NVIDIA H100 80GB HBM3, 0, 0, 0, [N/A], 41\n";
        const auto parsed = NvidiaSmi::parseCsv(output);
        QVERIFY_RESULT(parsed);
        QCOMPARE(parsed->readings.size(), 2);
        QCOMPARE(parsed->readings[0].index, 1);
        QCOMPARE(parsed->readings[0].memoryUsedBytes, 19818 * MiB);
        QVERIFY(!parsed->readings[0].time.isValid()); // not asked for: the caller puts the time
        QCOMPARE(parsed->readings[1].powerWatts, std::nullopt);
        QCOMPARE(parsed->readings[1].memoryTotalBytes, std::nullopt);
    }

    void csvWithoutHeaderIsRefused()
    {
        QVERIFY(!NvidiaSmi::parseCsv(recorded(u"h100-80gb-hbm3_590.48.01_sampling.csv"_s)));
        QVERIFY(!NvidiaSmi::parseCsv(""));
        const auto fieldError = NvidiaSmi::parseCsv("Field \"foo\" is not a valid field to query.\n\n");
        QVERIFY(!fieldError);
        QCOMPARE(fieldError.error().kind, sshcore::ErrorKind::Malformed);
    }

    void csvWrongUnits()
    {
        const auto parsed = NvidiaSmi::parseCsv(recorded(u"damaged/wrong-units.csv"_s));
        QVERIFY_RESULT(parsed);
        QCOMPARE(parsed->readings.size(), 1);
        const GpuReading &gpu = parsed->readings.first();
        QCOMPARE(gpu.memoryUsedBytes, std::nullopt);    // [GB]: not nvidia-smi's unit
        QCOMPARE(gpu.memoryTotalBytes, 81559 * MiB);    // the good column is still read
        QCOMPARE(gpu.utilisationPercent, std::nullopt); // a percentage headed [W]
        QCOMPARE(gpu.powerWatts, std::nullopt);         // "631.95 kW" under [W]
        QCOMPARE(gpu.temperatureCelsius, std::nullopt); // "59 F"
    }

    void xml_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<GpuReading>("expected");

        GpuReading t4;
        t4.time = utc(2023, 4, 24, 16, 22, 39);
        t4.index = 0;
        t4.uuid = u"GPU-d37e67a5-91dd-3774-a5cb-99096249601a"_s;
        t4.name = u"Tesla T4"_s;
        t4.busId = u"00000000:00:1E.0"_s;
        t4.utilisationPercent = 0;
        t4.memoryUtilisationPercent = 0;
        t4.memoryUsedBytes = 1032 * MiB;
        t4.memoryTotalBytes = 15360 * MiB;
        t4.powerWatts = 26.78; // <power_readings>, before DTD v12
        t4.temperatureCelsius = 40;
        QTest::newRow("Tesla T4, 515.105.01") << u"tesla-t4_515.105.01.xml"_s << t4;

        GpuReading a100;
        a100.time = utc(2023, 8, 4, 11, 44, 30);
        a100.index = 0;
        a100.uuid = u"GPU-513536b6-7d19-9063-b049-1e69664bb298"_s;
        a100.name = u"NVIDIA A100-SXM4-80GB"_s;
        a100.busId = u"00000000:01:00.0"_s;
        // MIG is on: no utilisation for the whole GPU, and the MIG devices' memory is not the GPU's.
        a100.memoryUsedBytes = 50 * MiB;
        a100.memoryTotalBytes = 81920 * MiB;
        a100.powerWatts = 67.03; // <gpu_power_readings>, not <module_power_readings>' N/A
        a100.temperatureCelsius = 27;
        QTest::newRow("A100-SXM4-80GB, 535.54.03, MIG") << u"a100-sxm4-80gb_535.54.03.xml"_s << a100;
    }

    void xml()
    {
        QFETCH(QString, file);
        QFETCH(GpuReading, expected);
        const auto gpus = NvidiaSmi::parseXml(recorded(file));
        QVERIFY_RESULT(gpus);
        QCOMPARE(gpus->size(), 1);
        QCOMPARE(gpus->first(), expected);
    }

    void xmlDamaged()
    {
        const auto truncated = NvidiaSmi::parseXml(recorded(u"damaged/truncated.xml"_s));
        QVERIFY(!truncated);
        QCOMPARE(truncated.error().kind, sshcore::ErrorKind::Malformed);
        QVERIFY(!NvidiaSmi::parseXml(recorded(u"damaged/not-nvidia-smi.xml"_s)));
        QVERIFY(!NvidiaSmi::parseXml("No devices were found\n\n"));
        QVERIFY(!NvidiaSmi::parseXml(""));
    }

    // The app's own sampling lines (noheader, nounits): the recorded H100 query reduced to the
    // sampling fields, fed in chunks cut at every possible place.
    void stream()
    {
        const QByteArray output = recorded(u"h100-80gb-hbm3_590.48.01_sampling.csv"_s);
        for (qsizetype cut = 0; cut <= output.size(); ++cut) {
            NvidiaSmiStream stream;
            QList<GpuReading> readings = stream.feed(output.first(cut));
            readings += stream.feed(output.sliced(cut));
            readings += stream.finish();
            QCOMPARE(readings.size(), 2);
            QCOMPARE(stream.damagedLines(), 0);
            QCOMPARE(readings[0].time, utc(2026, 7, 14, 8, 12, 38, 696));
            QCOMPARE(readings[1].utilisationPercent, 100.0);
            QCOMPARE(readings[1].memoryUsedBytes, 19818 * MiB);
            QCOMPARE(readings[1].powerWatts, 631.95);
        }
    }

    // The demo cluster's replay: a whole cycle of its series, two GPUs, one byte at a time.
    void streamReplay()
    {
        const QByteArray output = recorded(u"demo-replay_sampling.csv"_s);
        NvidiaSmiStream stream;
        QList<GpuReading> readings;
        for (char byte : output)
            readings += stream.feed(QByteArrayView(&byte, 1));
        QCOMPARE(readings.size(), 20);
        QCOMPARE(stream.damagedLines(), 0);
        QSet<QString> uuids;
        for (const GpuReading &reading : std::as_const(readings)) {
            uuids.insert(reading.uuid);
            QCOMPARE(reading.memoryTotalBytes, 81559 * MiB);
            QVERIFY(reading.time.isValid());
        }
        QCOMPARE(uuids.size(), 2);
    }

    void streamDamaged_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("good");
        QTest::addColumn<int>("damaged");
        QTest::newRow("missing fields") << u"damaged/missing-fields.csv"_s << 2 << 2;
        QTest::newRow("garbage") << u"damaged/garbage.csv"_s << 1 << 6;
        QTest::newRow("header") << u"h100-80gb-hbm3_590.48.01_idle.csv"_s << 0 << 2;
    }

    void streamDamaged()
    {
        QFETCH(QString, file);
        QFETCH(int, good);
        QFETCH(int, damaged);
        NvidiaSmiStream stream;
        QList<GpuReading> readings = stream.feed(recorded(file));
        readings += stream.finish();
        QCOMPARE(readings.size(), good);
        QCOMPARE(stream.damagedLines(), damaged);
        QVERIFY(!stream.lastDamagedLine().isEmpty());
    }

    // A figure in another unit is left out, never misread; the rest of the line is good.
    void streamWrongUnits()
    {
        NvidiaSmiStream stream;
        const QList<GpuReading> readings = stream.feed(recorded(u"damaged/wrong-units-sampling.csv"_s));
        QCOMPARE(readings.size(), 1);
        QCOMPARE(stream.damagedLines(), 0);
        QCOMPARE(readings[0].memoryUsedBytes, std::nullopt); // "19818 GB"
        QCOMPARE(readings[0].powerWatts, std::nullopt);      // "631.95 kW"
        QCOMPARE(readings[0].utilisationPercent, 100.0);
    }

    void streamKeepsNoEndlessLine()
    {
        NvidiaSmiStream stream;
        const QByteArray junk(100 * 1024, 'x');
        QVERIFY(stream.feed(junk).isEmpty());
        QCOMPARE(stream.damagedLines(), 1);
        const QByteArray lines = '\n' + recorded(u"h100-80gb-hbm3_590.48.01_sampling.csv"_s);
        QCOMPARE(stream.feed(lines).size(), 2);
        QCOMPARE(stream.damagedLines(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNvidiaSmi)
#include "tst_nvidiasmi.moc"
