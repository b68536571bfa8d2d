// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// One clusterdesk per user: the first becomes the one that listens; a second hands it its files
// (made absolute against its own working folder) and is told it may quit; a socket left by a
// clusterdesk that crashed is taken over; one that is running but does not answer is given up on
// after the timeout, with a message; a request that is not clusterdesk's is refused. Real local
// sockets, in a temporary folder.

#include "app/instance/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::SingleInstance;

class tst_SingleInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString socketPath() const { return m_dir.filePath(u"clusterdesk.socket"_s); }

private Q_SLOTS:
    void cleanup() { QLocalServer::removeServer(socketPath()); }

    void secondHandsItsFilesToTheFirst()
    {
        SingleInstance first(socketPath());
        QSignalSpy firstPrimary(&first, &SingleInstance::primary);
        QSignalSpy requested(&first, &SingleInstance::requested);
        first.start({});
        QTRY_COMPARE(firstPrimary.size(), 1);
        QCOMPARE(firstPrimary.at(0).at(0).toString(), QString()); // no problem
        QVERIFY(first.isListening());

        SingleInstance second(socketPath());
        QSignalSpy secondPrimary(&second, &SingleInstance::primary);
        QSignalSpy handedOver(&second, &SingleInstance::handedOver);
        second.start({u"train.sbatch"_s, m_dir.filePath(u"other job.slurm"_s)});
        QTRY_COMPARE(handedOver.size(), 1);
        QCOMPARE(secondPrimary.size(), 0);
        QVERIFY(!second.isListening());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toStringList(), (QStringList{QDir::current().absoluteFilePath(u"train.sbatch"_s),
                                                                    m_dir.filePath(u"other job.slurm"_s)}));

        // A third without files: the first is asked to come to the front.
        SingleInstance third(socketPath());
        QSignalSpy thirdHandedOver(&third, &SingleInstance::handedOver);
        third.start({});
        QTRY_COMPARE(thirdHandedOver.size(), 1);
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).toStringList(), QStringList());
    }

    void socketLeftByACrashIsTakenOver()
    {
        // What a killed clusterdesk leaves behind: a file where the socket was, nobody listening on it.
        QFile stale(socketPath());
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance instance(socketPath());
        QSignalSpy primary(&instance, &SingleInstance::primary);
        instance.start({u"a.sbatch"_s});
        QTRY_COMPARE(primary.size(), 1);
        QCOMPARE(primary.at(0).at(0).toString(), QString());
        QVERIFY(instance.isListening());
    }

    void silentInstanceIsGivenUpOn()
    {
        // Something listens on the socket but never answers (a clusterdesk hung, or not one at all).
        QLocalServer silent;
        QVERIFY(silent.listen(socketPath()));
        SingleInstance instance(socketPath());
        QSignalSpy primary(&instance, &SingleInstance::primary);
        QSignalSpy handedOver(&instance, &SingleInstance::handedOver);
        instance.start({u"a.sbatch"_s});
        QVERIFY(primary.wait(SingleInstance::AnswerTimeoutMs + 2000));
        QVERIFY2(primary.at(0).at(0).toString().contains(u"did not answer"_s),
                 qPrintable(primary.at(0).at(0).toString()));
        QCOMPARE(handedOver.size(), 0);
        QVERIFY(!instance.isListening()); // the socket is the other's
    }

    void foreignRequestIsRefused()
    {
        SingleInstance first(socketPath());
        QSignalSpy requested(&first, &SingleInstance::requested);
        first.start({});
        QTRY_VERIFY(first.isListening());
        QLocalSocket stranger;
        stranger.connectToServer(socketPath());
        QVERIFY(stranger.waitForConnected(5000));
        stranger.write("{\"open\": \"/etc/passwd\"}\n");
        QTRY_VERIFY(stranger.canReadLine());
        QCOMPARE(stranger.readLine().trimmed(), QByteArray("{\"ok\":false}"));
        QCOMPARE(requested.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
