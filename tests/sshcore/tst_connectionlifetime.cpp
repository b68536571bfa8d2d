// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// SshConnection's lifetime without a server: deleting a connection returns at once even while its
// worker thread sits in getaddrinfo() (a name whose resolution hangs, made with glibc's HOSTALIASES
// pointing at a FIFO nobody writes to) or waits for a peer that never answers; the thread then
// finishes and frees itself. One connection re-opened with new settings uses them.

#include "sshcore/SshConnection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using sshcore::SshConnection;
using sshcore::SshConnectionSettings;
using sshcore::SshConnectionState;

namespace {

// Deleting a connection must not wait for its worker: far below any resolver or connect timeout.
constexpr qint64 PromptMs = 1000;

SshConnectionSettings settingsFor(const QString &host, quint16 port)
{
    SshConnectionSettings settings;
    settings.host = host;
    settings.port = port;
    settings.user = u"nobody"_s;
    settings.useAgent = false;
    settings.reconnect = false;
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::No;
    return settings;
}

// Whether a thread of this process whose name starts with "ssh " is blocked opening a file (the
// resolver opening the HOSTALIASES FIFO): its current system call, from /proc.
bool sshThreadBlockedInOpen()
{
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task + u"/comm"_s));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("ssh "))
            continue;
        QFile syscallFile(tasks.filePath(task + u"/syscall"_s));
        if (!syscallFile.open(QIODevice::ReadOnly))
            continue;
        const long number = syscallFile.readAll().split(' ').front().toLong();
#ifdef SYS_open
        if (number == SYS_open)
            return true;
#endif
        if (number == SYS_openat)
            return true;
    }
    return false;
}

} // namespace

class tst_ConnectionLifetime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deleteWhileResolving()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray fifo = dir.filePath(u"hostaliases"_s).toLocal8Bit();
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        // glibc's resolver reads this file for a name without dots before asking DNS; opening a FIFO
        // for reading blocks until someone opens it for writing, so getaddrinfo() hangs until then.
        qputenv("HOSTALIASES", fifo);

        auto connection = std::make_unique<SshConnection>(settingsFor(u"clusterdesk-stuck"_s, 22), nullptr);
        connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(sshThreadBlockedInOpen(), 10000);

        QElapsedTimer timer;
        timer.start();
        connection.reset();
        QVERIFY2(timer.elapsed() < PromptMs, qPrintable(u"deleting took %1 ms"_s.arg(timer.elapsed())));
        QCOMPARE(SshConnection::orphanedThreads(), 1); // still inside getaddrinfo()

        // Let the resolver go on: a writer lets its open() return; an empty regular file put in the
        // FIFO's place serves any later look (it reads the file more than once); closing the writer
        // gives the reader the end of the file.
        const int writer = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        QVERIFY2(writer >= 0, "the resolver is no longer waiting for the FIFO");
        const QString plain = dir.filePath(u"empty"_s);
        QFile empty(plain);
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QCOMPARE(::rename(QFile::encodeName(plain).constData(), fifo.constData()), 0);
        ::close(writer);
        QTRY_COMPARE_WITH_TIMEOUT(SshConnection::orphanedThreads(), 0, 30000);
        qunsetenv("HOSTALIASES");
    }

    void deleteWhilePeerSilent()
    {
        // Accepts TCP connections (the kernel does, into the backlog) and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        auto connection = std::make_unique<SshConnection>(settingsFor(u"127.0.0.1"_s, silent.serverPort()), nullptr);
        connection->open();
        QTRY_VERIFY(silent.hasPendingConnections());

        QElapsedTimer timer;
        timer.start();
        connection.reset();
        QVERIFY2(timer.elapsed() < PromptMs, qPrintable(u"deleting took %1 ms"_s.arg(timer.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(SshConnection::orphanedThreads(), 0, 10000);
    }

    void reopenWithNewSettings()
    {
        // Two ports nobody listens on: each attempt fails naming the port it tried.
        quint16 ports[2];
        for (quint16 &port : ports) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        SshConnection connection(settingsFor(u"127.0.0.1"_s, ports[0]), nullptr);
        QSignalSpy states(&connection, &SshConnection::stateChanged);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), SshConnectionState::Failed, 10000);
        QVERIFY2(connection.stateMessage().contains(QString::number(ports[0])), qPrintable(connection.stateMessage()));

        QVERIFY(connection.setSettings(settingsFor(u"127.0.0.1"_s, ports[1])));
        QCOMPARE(connection.settings().port, ports[1]);
        connection.open();
        QVERIFY(!connection.setSettings(settingsFor(u"127.0.0.1"_s, ports[0]))); // not while connecting
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), SshConnectionState::Failed, 10000);
        QVERIFY2(connection.stateMessage().contains(QString::number(ports[1])), qPrintable(connection.stateMessage()));
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionLifetime)
#include "tst_connectionlifetime.moc"
