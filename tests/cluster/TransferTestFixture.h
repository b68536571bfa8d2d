// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What the transfer tests against the demo cluster share: a connection as alice, an SFTP client, a
// fresh folder in alice's home, names a shell or a naive path join would get wrong, and helpers to run
// a job to its end and read files on both sides.

#include "DemoClusterSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "app/transfers/TransferQueue.h"
#include "app/transfers/TransferQueueModel.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using app::TransferOptions;
using app::TransferQueue;
using sshcore::Result;
using sshcore::SftpEntry;
using sshcore::SshConnection;
using sshcore::SshConnectionState;
using testsupport::await;
using testsupport::randomBytes;
using testsupport::readFile;
using testsupport::writeFile;

namespace transfertests {

// Names a shell, a naive path join or a terminal would get wrong.
const QStringList hostileNames = {u"it's \"quoted\""_s, u"$(touch pwned)"_s, u"line\nbreak"_s, u"-rf"_s,
                                  u"naïve ünïcødé ✓"_s, u"  spaces  "_s,     u"back\\slash"_s, u"semi;colon&amp"_s};

// Every file under root, relative, with its contents (links as "-> target").
inline QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        const QString relative = QDir(root).relativeFilePath(info.filePath());
        if (info.isSymLink()) {
            QByteArray target(4096, '\0');
            const ssize_t n = ::readlink(QFile::encodeName(info.filePath()).constData(), target.data(), 4096);
            files.insert(relative, "-> " + target.left(std::max<ssize_t>(n, 0)));
        } else if (info.isDir()) {
            files.insert(relative + u'/', {});
        } else {
            files.insert(relative, readFile(info.filePath()));
        }
    }
    return files;
}

} // namespace transfertests

class TransferTestFixture : public QObject
{
protected:
    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    std::unique_ptr<SshConnection> m_connection;
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    QByteArray m_remote; // a fresh folder in alice's home
    QTemporaryDir m_dir;

    // Runs a job to its end (at most timeoutMs); the job.
    const TransferQueue::Job *run(TransferQueue &queue, int id, qint64 timeoutMs = 40000)
    {
        const auto ended = [&] {
            const auto *job = queue.job(id);
            return job
                   && (job->state == TransferQueue::JobState::Finished
                       || job->state == TransferQueue::JobState::Cancelled);
        };
        if (QTest::qWaitFor(ended, int(timeoutMs)))
            return queue.job(id);
        if (const auto *job = queue.job(id)) { // say what is stuck
            for (const auto &file : job->files) {
                if (file.state == TransferQueue::FileState::Running || file.state == TransferQueue::FileState::Queued)
                    qWarning() << "unfinished:" << file.local << int(file.state) << file.done << file.size;
            }
        }
        return queue.job(id);
    }

    QString failures(const TransferQueue::Job *job)
    {
        QStringList problems;
        if (!job->error.isEmpty())
            problems.append(job->error);
        for (const auto &file : job->files) {
            if (file.state == TransferQueue::FileState::Failed)
                problems.append(file.local + u": "_s + file.error);
        }
        return problems.join(u"; "_s);
    }

    Result<SftpEntry> remoteStat(const QByteArray &path)
    {
        return await<SftpEntry>([&](QObject *context, auto done) { m_sftp->stat(path, context, done); });
    }

    QByteArray remoteContents(const QByteArray &path)
    {
        const QString local = m_dir.filePath(u"peek"_s);
        QFile::remove(local);
        const auto got = await<quint64>(
            [&](QObject *context, auto done) { m_sftp->download(path, local, {}, context, done); });
        return got ? readFile(local) : QByteArray("<missing>");
    }

    // Connects as alice and makes a fresh folder for the test (call from initTestCase).
    void connectAndMakeFolder()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        const auto settings = testsupport::demoSettings(m_cluster, u"alice"_s);
        m_connection = std::make_unique<SshConnection>(settings, &m_interaction);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == SshConnectionState::Connected
                                     || m_connection->state() == SshConnectionState::Failed,
                                 30000);
        QVERIFY2(m_connection->state() == SshConnectionState::Connected, qPrintable(m_connection->stateMessage()));
        m_sftp = std::make_unique<sshcore::SftpClient>(m_connection.get());
        m_remote = "/home/alice/tst-transfers-" + QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->makePath(m_remote, context, done); }));
    }

    // Removes that folder (call from cleanupTestCase).
    void removeFolder()
    {
        if (m_sftp && !m_remote.isEmpty())
            (void)await<void>([&](QObject *context, auto done) { m_sftp->remove(m_remote, true, context, done); });
    }
};
