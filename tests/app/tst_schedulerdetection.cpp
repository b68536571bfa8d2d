// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Reading what the scheduler probe printed. The version lines are what each scheduler's own
// command prints (sources: Slurm 24.11 `sinfo --version` in the demo cluster; Debian's slurm-wlm
// package; PBS Professional / OpenPBS `qstat --version`; Torque 6 `qstat --version`; IBM Spectrum LSF
// 10.1 `lsid`; Son of Grid Engine 8.1.9, Open Grid Scheduler and Univa `qstat -help`).

#include "app/schedulers/SchedulerDetection.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using app::Profile;
using app::SchedulerDetection;

class tst_SchedulerDetection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<int>("scheduler");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("display");

        QTest::newRow("slurm") << "slurm\tslurm 24.11.5\n"_ba << int(Profile::Scheduler::Slurm) << u"24.11.5"_s
                               << u"Slurm 24.11.5"_s;
        QTest::newRow("slurm-wlm") << "slurm\tslurm-wlm 22.05.8\n"_ba << int(Profile::Scheduler::Slurm) << u"22.05.8"_s
                                   << u"Slurm 22.05.8"_s;
        QTest::newRow("pbs pro") << "pbs\tpbs_version = 2022.1.1\n"_ba << int(Profile::Scheduler::Pbs) << u"2022.1.1"_s
                                 << u"PBS 2022.1.1"_s;
        QTest::newRow("torque") << "pbs\tVersion: 6.1.3\n"_ba << int(Profile::Scheduler::Pbs) << u"6.1.3"_s
                                << u"PBS (Torque) 6.1.3"_s;
        QTest::newRow("lsf") << "lsf\tIBM Spectrum LSF Standard 10.1.0.13, Feb 24 2022\n"_ba
                             << int(Profile::Scheduler::Lsf) << u"10.1.0.13"_s
                             << u"IBM Spectrum LSF Standard 10.1.0.13"_s;
        QTest::newRow("sge") << "sge\tSGE 8.1.9\n"_ba << int(Profile::Scheduler::GridEngine) << u"8.1.9"_s
                             << u"Grid Engine (Son of Grid Engine) 8.1.9"_s;
        QTest::newRow("ogs") << "sge\tOGS/GE 2011.11p1\n"_ba << int(Profile::Scheduler::GridEngine) << u"2011.11p1"_s
                             << u"Grid Engine (Open Grid Scheduler) 2011.11p1"_s;
        QTest::newRow("ge 6.2") << "sge\tGE 6.2u5\n"_ba << int(Profile::Scheduler::GridEngine) << u"6.2u5"_s
                                << u"Grid Engine 6.2u5"_s;
        QTest::newRow("none") << "none\t\n"_ba << int(Profile::Scheduler::None) << QString()
                              << u"No batch scheduler found"_s;
        QTest::newRow("chatter first") << "Welcome to the cluster!\nQuota: 12 GB of 50 GB\nslurm\tslurm 23.02.7\n"_ba
                                       << int(Profile::Scheduler::Slurm) << u"23.02.7"_s << u"Slurm 23.02.7"_s;
        QTest::newRow("no version said") << "slurm\tsinfo: error: something odd\n"_ba << int(Profile::Scheduler::Slurm)
                                         << QString() << u"Slurm"_s;
        QTest::newRow("garbage") << "\x01\x02 not a probe line\n"_ba << int(Profile::Scheduler::None) << QString()
                                 << u"No batch scheduler found"_s;
        QTest::newRow("empty") << QByteArray() << int(Profile::Scheduler::None) << QString()
                               << u"No batch scheduler found"_s;
    }

    void parses()
    {
        QFETCH(QByteArray, output);
        QFETCH(int, scheduler);
        QFETCH(QString, version);
        QFETCH(QString, display);
        const SchedulerDetection detection = SchedulerDetection::parse(output);
        QCOMPARE(int(detection.scheduler), scheduler);
        QCOMPARE(detection.version, version);
        QCOMPARE(detection.displayName(), display);
    }

    // The probe is a valid POSIX shell script that answers "none" where no scheduler is installed
    // (this test environment has none), run by a real sh.
    void probeRunsInAPosixShell()
    {
        QProcess sh;
        sh.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
        sh.setProcessEnvironment(environment);
        sh.start(u"/bin/sh"_s, {u"-c"_s, QString::fromUtf8(SchedulerDetection::probeScript())});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 0);
        const QByteArray output = sh.readAll();
        QCOMPARE(output, "none\t\n"_ba);
        QCOMPARE(SchedulerDetection::parse(output).scheduler, Profile::Scheduler::None);
    }
};

QTEST_GUILESS_MAIN(tst_SchedulerDetection)
#include "tst_schedulerdetection.moc"
