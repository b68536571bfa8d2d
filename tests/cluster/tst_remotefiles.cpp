// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Files area's widget-free logic against the demo cluster's sshd: app::RemoteTextFile opens a
// text file, refuses what is missing, too big or not text, and saves keeping the file's mode;
// app::RemoteFileActions resolves typed folders on the server and reports free space, and says so
// when there is no connection.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/files/RemoteFileActions.h"
#include "app/files/RemoteTextFile.h"
#include "sshcore/sftp/SftpClient.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testsupport;
using app::RemoteTextFile;
using sshcore::Result;

class tst_RemoteFiles : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<app::ClusterConnection> m_connection;
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    QByteArray m_remote;

    // Puts data at remote with the given mode.
    bool put(const QByteArray &remote, const QByteArray &data, quint32 mode = 0644)
    {
        const QString local = m_dir.filePath(u"put"_s);
        QFile::remove(local);
        if (!writeFile(local, data))
            return false;
        return await<quint64>([&](QObject *c, auto done) { m_sftp->upload(local, remote, {}, c, done); })
               && await<void>(
                   [&](QObject *c, auto done) { m_sftp->setAttributes(remote, std::nullopt, mode, c, done); });
    }

    quint32 modeOf(const QByteArray &remote)
    {
        const auto entry = await<sshcore::SftpEntry>([&](QObject *c, auto done) { m_sftp->stat(remote, c, done); });
        return entry ? entry->permissions & 07777 : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_connection = openDemoConnection(m_cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction);
        QVERIFY(m_connection);
        QVERIFY2(m_connection->state() == sshcore::SshConnectionState::Connected, qPrintable(m_connection->message()));
        m_sftp = std::make_unique<sshcore::SftpClient>(m_connection->ssh());
        m_remote = "/home/alice/tst-remotefiles-" + QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY_RESULT(await<void>([&](QObject *c, auto done) { m_sftp->makePath(m_remote + "/sub", c, done); }));
    }

    void cleanupTestCase()
    {
        if (m_sftp && !m_remote.isEmpty())
            (void)await<void>([&](QObject *c, auto done) { m_sftp->remove(m_remote, true, c, done); });
    }

    void textFileOpensAndSavesKeepingItsMode()
    {
        const QByteArray remote = m_remote + "/it's a script.sh"; // a name a shell would trip on
        QVERIFY(put(remote, "#!/bin/sh\necho one\n", 0755));
        RemoteTextFile file(m_connection.get(), remote);
        QSignalSpy opened(&file, &RemoteTextFile::opened);
        file.open();
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.first().first().toByteArray(), "#!/bin/sh\necho one\n"_ba);
        QCOMPARE(file.permissions(), 0755u);

        QSignalSpy saved(&file, &RemoteTextFile::saved);
        file.save("#!/bin/sh\necho two\n");
        QVERIFY(file.isSaving());
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().first().toString(), QString());
        QVERIFY(!file.isSaving());
        QCOMPARE(modeOf(remote), 0755u);
        QCOMPARE(remoteContents(remote), "#!/bin/sh\necho two\n"_ba);

        // A read-only file's mode is kept too, and it can be saved again after.
        QVERIFY(put(remote, "#!/bin/sh\necho three\n", 0444));
        for (const QByteArray text : {"first\n", "second\n"}) {
            file.save(text);
            QVERIFY(saved.wait(20000));
            QCOMPARE(saved.last().first().toString(), QString());
            QCOMPARE(remoteContents(remote), text);
            QCOMPARE(modeOf(remote), 0444u);
        }
    }

    void refusesWhatItCannotEdit()
    {
        QVERIFY(put(m_remote + "/binary.dat", QByteArray("ELF\0\1\2", 6)));
        QVERIFY(put(m_remote + "/big.log", QByteArray(RemoteTextFile::EditableLimit + 1, 'x')));
        const QList<std::pair<QByteArray, RemoteTextFile::Problem>> cases = {
            {m_remote + "/binary.dat", RemoteTextFile::Problem::NotText},
            {m_remote + "/big.log", RemoteTextFile::Problem::TooBig},
            {m_remote + "/missing.txt", RemoteTextFile::Problem::Unreadable},
            {"/root/.bashrc", RemoteTextFile::Problem::Unreadable},
        };
        for (const auto &[path, problem] : cases) {
            RemoteTextFile file(m_connection.get(), path);
            QSignalSpy failed(&file, &RemoteTextFile::openFailed);
            QSignalSpy opened(&file, &RemoteTextFile::opened);
            file.open();
            QVERIFY2(failed.wait(20000), path.constData());
            QCOMPARE(failed.first().at(0).value<RemoteTextFile::Problem>(), problem);
            QVERIFY(!failed.first().at(1).toString().isEmpty());
            QVERIFY(opened.isEmpty());
        }
        // Not opened: nothing to save.
        RemoteTextFile unopened(m_connection.get(), m_remote + "/binary.dat");
        QSignalSpy saved(&unopened, &RemoteTextFile::saved);
        unopened.save("text");
        QCOMPARE(saved.size(), 1);
        QVERIFY(!saved.first().first().toString().isEmpty());
    }

    void resolvesFoldersAndFreeSpace()
    {
        const app::RemoteFileActions actions(m_connection->ssh());
        const auto resolve = [&](const QByteArray &typed, const QByteArray &base) {
            return await<QByteArray>([&](QObject *c, auto done) { actions.resolveFolder(typed, base, c, done); });
        };
        const auto home = resolve(".", m_remote);
        QVERIFY_RESULT(home);
        QCOMPARE(*home, "/home/alice"_ba);
        const auto up = resolve("sub/..", m_remote);
        QVERIFY_RESULT(up);
        QCOMPARE(*up, m_remote);
        const auto sub = resolve("sub", m_remote);
        QVERIFY_RESULT(sub);
        QCOMPARE(*sub, m_remote + "/sub");

        const auto space = await<sshcore::SftpFileSystem>(
            [&](QObject *c, auto done) { actions.freeSpace(m_remote, c, done); });
        QVERIFY_RESULT(space);
        QVERIFY(space->totalBytes > 0);
        QVERIFY(space->availableBytes <= space->totalBytes);

        const app::RemoteFileActions unconnected(nullptr);
        const auto none = await<sshcore::SftpFileSystem>(
            [&](QObject *c, auto done) { unconnected.freeSpace(m_remote, c, done); });
        QVERIFY(!none);
        QVERIFY(none.error().message.contains(u"Not connected"_s));
        QCOMPARE(none.error().kind, sshcore::ErrorKind::LinkLost);
    }

private:
    QByteArray remoteContents(const QByteArray &path)
    {
        const QString local = m_dir.filePath(u"peek"_s);
        QFile::remove(local);
        const auto got = await<quint64>([&](QObject *c, auto done) { m_sftp->download(path, local, {}, c, done); });
        return got ? readFile(local) : QByteArray("<missing>");
    }
};

QTEST_GUILESS_MAIN(tst_RemoteFiles)
#include "tst_remotefiles.moc"
