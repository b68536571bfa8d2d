// The transfer queue against the demo cluster: trees with hostile names, empty files and links go up
// and come back byte for byte, with times and modes kept and no partial name left behind; conflicts
// (skip, only if newer, keep both, overwrite, resume, ask); a partial upload resumed from its length;
// SHA-256 verification; and one failed folder not stopping the rest of a tree.

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

namespace {

// Names a shell, a naive path join or a terminal would get wrong.
const QStringList hostileNames = {u"it's \"quoted\""_s, u"$(touch pwned)"_s, u"line\nbreak"_s, u"-rf"_s,
                                  u"naïve ünïcødé ✓"_s, u"  spaces  "_s,     u"back\\slash"_s, u"semi;colon&amp"_s};

// Every file under root, relative, with its contents (links as "-> target").
QMap<QString, QByteArray> snapshot(const QString &root)
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

} // namespace

class tst_Transfers : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    std::unique_ptr<SshConnection> m_connection;
    std::unique_ptr<sshcore::SftpClient> m_sftp;
    QByteArray m_remote;     // a fresh folder in alice's home
    QByteArray m_droppedSha; // of the 512 MiB file the dropped-connection rows send
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

private Q_SLOTS:
    void initTestCase()
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

    void cleanupTestCase()
    {
        if (m_sftp && !m_remote.isEmpty())
            (void)await<void>([&](QObject *context, auto done) { m_sftp->remove(m_remote, true, context, done); });
    }

    void treeRoundTrip()
    {
        // A tree: hostile names, an empty file, a larger one, nested folders, a relative link, an
        // executable with its mode, an old modification time.
        const QString up = m_dir.filePath(u"up/project"_s);
        QVERIFY(QDir().mkpath(up + u"/src/deep/deeper"_s));
        QVERIFY(QDir().mkpath(up + u"/empty-folder"_s));
        for (const QString &name : hostileNames)
            QVERIFY(writeFile(up + u"/src/"_s + name, name.toUtf8() + randomBytes(1000)));
        QVERIFY(writeFile(up + u"/empty"_s, {}));
        QVERIFY(writeFile(up + u"/src/deep/deeper/data.bin"_s, randomBytes(6 << 20)));
        QVERIFY(writeFile(up + u"/run.sh"_s, "#!/bin/sh\necho hi\n"));
        QVERIFY(QFile::setPermissions(up + u"/run.sh"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                             | QFile::ReadGroup | QFile::ExeGroup));
        QVERIFY(::symlink("src/deep/deeper/data.bin", QFile::encodeName(up + u"/link-to-data"_s).constData()) == 0);
        {
            QFile old(up + u"/empty"_s);
            QVERIFY(old.open(QIODevice::ReadWrite));
            QVERIFY(old.setFileTime(QDateTime::fromSecsSinceEpoch(1'500'000'000, QTimeZone::UTC),
                                    QFileDevice::FileModificationTime));
        }

        TransferQueue queue(m_connection.get());
        // The queue's model, checked as a model all along (rows added, every change, the figures).
        app::TransferQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueue(&queue);
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(up, m_remote, options));
        QVERIFY(job);
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        QCOMPARE(model.data(model.index(0, app::TransferQueueModel::ProgressColumn),
                            app::TransferQueueModel::ProgressRole),
                 QVariant(1000));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        const auto progress = queue.progress(job->id);
        QCOMPARE(progress.filesDone, progress.filesTotal);
        QCOMPARE(progress.bytesDone, progress.bytesTotal);
        QVERIFY(progress.bytesTotal > 6u << 20);

        // Times and modes kept; the link is a link; no temporary name left anywhere.
        const auto empty = remoteStat(m_remote + "/project/empty");
        QVERIFY_RESULT(empty);
        QCOMPARE(empty->modified, 1'500'000'000);
        const auto script = remoteStat(m_remote + "/project/run.sh");
        QVERIFY_RESULT(script);
        QCOMPARE(script->permissions & 0777, 0750u);
        // The link is a link again, with the same relative target; its target's data went once, as itself.
        const auto link = remoteStat(m_remote + "/project/link-to-data");
        QVERIFY_RESULT(link);
        QCOMPARE(link->type, SftpEntry::Type::Symlink);
        const auto target = await<QByteArray>(
            [&](QObject *context, auto done) { m_sftp->readLink(m_remote + "/project/link-to-data", context, done); });
        QVERIFY_RESULT(target);
        QCOMPARE(*target, "src/deep/deeper/data.bin"_ba);
        const auto listing = await<QList<SftpEntry>>(
            [&](QObject *context, auto done) { m_sftp->list(m_remote + "/project/src", context, done); });
        QVERIFY_RESULT(listing);
        for (const SftpEntry &entry : *listing)
            QVERIFY2(!entry.name.endsWith(".cdpart"), entry.name.constData());
        QCOMPARE(listing->size(), hostileNames.size() + 1);

        // And back: identical, byte for byte.
        const QString down = m_dir.filePath(u"down"_s);
        QVERIFY(QDir().mkpath(down));
        const auto *back = run(queue, queue.download(m_remote + "/project", down, options));
        QVERIFY(back);
        QVERIFY2(failures(back).isEmpty(), qPrintable(failures(back)));
        QCOMPARE(snapshot(down + u"/project"_s), snapshot(up));
        QCOMPARE(QFileInfo(down + u"/project/empty"_s).lastModified(QTimeZone::UTC).toSecsSinceEpoch(), 1'500'000'000);
        QVERIFY(QFileInfo(down + u"/project/run.sh"_s).permissions() & QFile::ExeOwner);
        QVERIFY(!QFileInfo(down + u"/project/run.sh"_s).permissions().testFlag(QFile::ReadOther));
    }

    void conflicts()
    {
        const QString dir = m_dir.filePath(u"conflicts"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString local = dir + u"/notes.txt"_s;
        const QByteArray remote = m_remote + "/notes.txt";
        QVERIFY(writeFile(local, "first version\n"));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        QVERIFY(failures(run(queue, queue.upload(local, m_remote, options))).isEmpty());

        QVERIFY(writeFile(local, "second version, longer\n"));
        options.conflict = TransferOptions::Conflict::Skip;
        auto *job = run(queue, queue.upload(local, m_remote, options));
        QCOMPARE(job->files.first().state, TransferQueue::FileState::Skipped);
        QCOMPARE(remoteContents(remote), "first version\n"_ba);

        // Only if newer: the local copy is made older than the remote one.
        {
            QFile old(local);
            QVERIFY(old.open(QIODevice::ReadWrite));
            QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addDays(-2), QFileDevice::FileModificationTime));
        }
        options.conflict = TransferOptions::Conflict::OnlyIfNewer;
        job = run(queue, queue.upload(local, m_remote, options));
        QCOMPARE(job->files.first().state, TransferQueue::FileState::Skipped);
        QCOMPARE(remoteContents(remote), "first version\n"_ba);

        options.conflict = TransferOptions::Conflict::KeepBoth;
        job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().remote, m_remote + "/notes (1).txt");
        QCOMPARE(remoteContents(m_remote + "/notes (1).txt"), "second version, longer\n"_ba);
        QCOMPARE(remoteContents(remote), "first version\n"_ba);

        // Ask: the question carries both sides; the answer (overwrite) is applied.
        options.conflict = TransferOptions::Conflict::Ask;
        QSignalSpy asked(&queue, &TransferQueue::conflict);
        const int id = queue.upload(local, m_remote, options);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 30000);
        const auto question = asked.first().first().value<TransferQueue::ConflictQuestion>();
        QCOMPARE(question.existingSize, quint64(14));
        QCOMPARE(question.newSize, quint64(23));
        queue.resolveConflict(question.job, question.file, TransferOptions::Conflict::Overwrite);
        job = run(queue, id);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(remoteContents(remote), "second version, longer\n"_ba);

        // Resume: an existing shorter file is continued, not sent again.
        const QByteArray big = randomBytes(3 << 20);
        QVERIFY(writeFile(local, big));
        QVERIFY(writeFile(dir + u"/half"_s, big.left(1 << 20)));
        QVERIFY_RESULT(await<quint64>(
            [&](QObject *context, auto done) { m_sftp->upload(dir + u"/half"_s, remote, {}, context, done); }));
        options.conflict = TransferOptions::Conflict::Resume;
        job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(2 << 20));
        QCOMPARE(remoteContents(remote), big);
    }

    // A partial upload left under the temporary name (a dropped connection, a killed app) is continued
    // from its length; the final name never held a partial file.
    void partialUploadIsResumed()
    {
        const QString local = m_dir.filePath(u"resume.bin"_s);
        const QByteArray data = randomBytes(5 << 20);
        QVERIFY(writeFile(local, data));
        QVERIFY(writeFile(m_dir.filePath(u"resume-part"_s), data.left(2 << 20)));
        const QByteArray remote = m_remote + "/resume.bin";
        QVERIFY_RESULT(await<quint64>([&](QObject *context, auto done) {
            m_sftp->upload(m_dir.filePath(u"resume-part"_s), TransferQueue::temporaryRemoteName(remote), {}, context,
                           done);
        }));
        QVERIFY(!remoteStat(remote));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        options.verify = true;
        const auto *job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(3 << 20));
        QCOMPARE(remoteContents(remote), data);
        QVERIFY(!remoteStat(TransferQueue::temporaryRemoteName(remote)));
    }

    // A partial copy marked as written over several channels (its writes land in any order, so its
    // length may include holes) that an earlier run left is not continued from its length: sent again
    // from zero, and the result is whole.
    void unorderedPartialIsNotResumedFromItsLength()
    {
        const QString local = m_dir.filePath(u"unordered.bin"_s);
        const QByteArray data = randomBytes(3 << 20);
        QVERIFY(writeFile(local, data));
        // What a dropped multi-channel upload leaves: the end written, a hole before it.
        QByteArray holey = data.left(1 << 20) + QByteArray(1 << 20, '\0') + data.mid(2 << 20, 1 << 19);
        QVERIFY(writeFile(m_dir.filePath(u"unordered-part"_s), holey));
        const QByteArray remote = m_remote + "/unordered.bin";
        const QByteArray partial = TransferQueue::temporaryRemoteName(remote);
        sshcore::SftpTransferOptions marked;
        marked.permissions = sshcore::SftpTransferOptions::UnorderedPartialMode;
        QVERIFY_RESULT(await<quint64>([&](QObject *context, auto done) {
            m_sftp->upload(m_dir.filePath(u"unordered-part"_s), partial, marked, context, done);
        }));
        QCOMPARE(remoteStat(partial)->permissions & 07777, sshcore::SftpTransferOptions::UnorderedPartialMode);
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(data.size()));
        QCOMPARE(remoteContents(remote), data);
        QVERIFY((remoteStat(remote)->permissions & 07777) != sshcore::SftpTransferOptions::UnorderedPartialMode);
    }

    // The login node's sshd serving this connection is killed in the middle of a 512 MiB upload, then
    // of its download: the connection comes back by itself and the file continues from what had
    // arrived; the final name never holds a partial file.
    void droppedConnectionResumes_data()
    {
        QTest::addColumn<bool>("upload");
        QTest::newRow("upload") << true;
        QTest::newRow("download") << false; // of what the upload left
    }

    void droppedConnectionResumes()
    {
        QFETCH(bool, upload);
        const quint64 size = 512ull << 20;
        const QString local = m_dir.filePath(u"dropped.bin"_s);
        if (m_droppedSha.isEmpty()) { // 512 MiB written in pieces; its SHA-256 is the reference
            QCryptographicHash reference(QCryptographicHash::Sha256);
            QFile file(local);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (quint64 written = 0; written < size; written += 4 << 20) {
                const QByteArray chunk = randomBytes(4 << 20);
                reference.addData(chunk);
                QCOMPARE(file.write(chunk), chunk.size());
            }
            m_droppedSha = reference.result().toHex();
        }
        const QByteArray remote = m_remote + "/dropped.bin";
        const QString down = m_dir.filePath(u"dropped-down"_s);
        QVERIFY(QDir().mkpath(down));
        if (const auto there = remoteStat(remote); !upload && (!there || there->size != size)) {
            // The upload row left no whole copy (it failed): this row does not depend on it, it puts
            // one there itself, with no drop.
            TransferQueue setup(m_connection.get());
            TransferOptions overwrite;
            overwrite.conflict = TransferOptions::Conflict::Overwrite;
            const auto *placed = run(setup, setup.upload(local, m_remote, overwrite), 120000);
            QVERIFY2(placed && placed->state == TransferQueue::JobState::Finished && failures(placed).isEmpty(),
                     placed ? qPrintable(failures(placed)) : "no job");
        }
        // The session that kills this one's sshd, ready before the transfer starts.
        SshConnection killer(testsupport::demoSettings(m_cluster, u"alice"_s), &m_interaction);
        killer.open();
        QTRY_VERIFY_WITH_TIMEOUT(killer.state() == SshConnectionState::Connected, 30000);

        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const int id = upload ? queue.upload(local, m_remote, options) : queue.download(remote, down, options);
        const auto finalExists = [&] {
            return upload ? bool(remoteStat(remote)) : QFileInfo::exists(down + u"/dropped.bin"_s);
        };
        // The rename into place is the transfer's last step on the connection's thread: the final name
        // may hold the whole file a moment before the queue hears of it, but never less.
        const auto partialUnderFinalName = [&] {
            if (upload) {
                const auto there = remoteStat(remote);
                return there && there->size != size;
            }
            const QFileInfo there(down + u"/dropped.bin"_s);
            return there.exists() && quint64(there.size()) != size;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!queue.job(id)->files.isEmpty() && queue.job(id)->files.first().done >= (16u << 20),
                                 60000);
        std::unique_ptr<sshcore::SshCommand> kill(killer.runShell(
            "pkill -KILL -u alice -f '^sshd-session: alice' || pkill -KILL -u alice -f '^sshd: alice'"));
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() != SshConnectionState::Connected, 30000);
        const quint64 before = queue.job(id)->files.first().done;
        QVERIFY2(before < size, "the kill came after the whole file was sent");
        QVERIFY(!finalExists());
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == SshConnectionState::Connected, 60000);
        // Until the end, nothing under the final name.
        bool partialSeen = false;
        (void)QTest::qWaitFor(
            [&] {
                partialSeen = partialSeen || partialUnderFinalName();
                return partialSeen || queue.job(id)->state == TransferQueue::JobState::Finished;
            },
            60000);
        QVERIFY2(!partialSeen, "a partial file under the final name");
        const auto *job = run(queue, id);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        const auto &file = job->files.first();
        QVERIFY(file.attempts >= 2);
        QVERIFY2(file.transferred < size, "resumed, not sent again from zero");
        if (upload) {
            std::unique_ptr<sshcore::SshCommand> sum(m_connection->run({"sha256sum", "--", remote}));
            QTRY_VERIFY_WITH_TIMEOUT(sum->isFinished(), 60000);
            QVERIFY_RESULT(sum->result());
            QCOMPARE(sum->result()->standardOutput.left(64), m_droppedSha);
        } else {
            QFile back(down + u"/dropped.bin"_s);
            QVERIFY(back.open(QIODevice::ReadOnly));
            QCryptographicHash sum(QCryptographicHash::Sha256);
            QVERIFY(sum.addData(&back));
            QCOMPARE(sum.result().toHex(), m_droppedSha);
            QVERIFY(QFile::remove(down + u"/dropped.bin"_s));
        }
    }

    // A sparse file past 4 GiB goes up and comes back: every offset right (64-bit all the way), and the
    // holes stay holes on both sides (zeros are not sent up, nor written down).
    void sparseFilePast4GiB()
    {
        const quint64 size = (4ull << 30) + (3 << 20) + 5;
        const QList<std::pair<quint64, QByteArray>> blocks = {
            {0, randomBytes(1 << 20)},
            {2ull << 30, randomBytes(1 << 20)},
            {(4ull << 30) - (512 << 10), randomBytes(1 << 20)}, // across the 4 GiB boundary
            {size - (1 << 20) - 5, randomBytes((1 << 20) + 5)}, // the very end
        };
        const QString up = m_dir.filePath(u"sparse"_s);
        QVERIFY(QDir().mkpath(up));
        const QString local = up + u"/big-sparse.bin"_s;
        {
            QFile file(local);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(qint64(size)));
            for (const auto &[offset, data] : blocks) {
                QVERIFY(file.seek(qint64(offset)));
                QCOMPARE(file.write(data), data.size());
            }
        }
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, m_remote, options), 300000);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));

        const QByteArray remote = m_remote + "/big-sparse.bin";
        const auto stat = remoteStat(remote);
        QVERIFY_RESULT(stat);
        QCOMPARE(stat->size, size);
        // Each block where it belongs, and the file mostly holes there (du counts what is allocated).
        QStringList script;
        for (const auto &[offset, data] : blocks)
            script.append(
                u"dd if=\"$1\" iflag=skip_bytes,count_bytes skip=%1 count=%2 status=none | sha256sum"_s.arg(offset).arg(
                    data.size()));
        script.append(u"du -k -- \"$1\""_s);
        std::unique_ptr<sshcore::SshCommand> check(
            m_connection->run({"sh", "-c", script.join(u"; "_s).toUtf8(), "check", remote}));
        QTRY_VERIFY_WITH_TIMEOUT(check->isFinished(), 60000);
        QVERIFY_RESULT(check->result());
        const QList<QByteArray> lines = check->result()->standardOutput.trimmed().split('\n');
        QCOMPARE(lines.size(), blocks.size() + 1);
        for (qsizetype i = 0; i < blocks.size(); ++i)
            QCOMPARE(lines.at(i).left(64),
                     QCryptographicHash::hash(blocks.at(i).second, QCryptographicHash::Sha256).toHex());
        QVERIFY2(lines.last().split('\t').first().toULongLong() < 64 * 1024, lines.last().constData());

        // And back down (the zeros come over SFTP, which has no holes, but are not written).
        const QString down = m_dir.filePath(u"sparse-down"_s);
        QVERIFY(QDir().mkpath(down));
        // (4 GiB through SFTP: give a sanitizer build its time.)
        const auto *back = run(queue, queue.download(remote, down, options), 300000);
        QVERIFY2(failures(back).isEmpty(), qPrintable(failures(back)));
        QFile copy(down + u"/big-sparse.bin"_s);
        QCOMPARE(quint64(copy.size()), size);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        for (const auto &[offset, data] : blocks) {
            QVERIFY(copy.seek(qint64(offset)));
            QCOMPARE(copy.read(data.size()), data);
        }
        QVERIFY(copy.seek(qint64(3ull << 30))); // a hole reads as zeros
        QCOMPARE(copy.read(4096), QByteArray(4096, '\0'));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(copy.fileName()).constData(), &info), 0);
        QVERIFY2(quint64(info.st_blocks) * 512 < (64u << 20), "the download filled the holes");
        copy.close();
        QVERIFY(QFile::remove(copy.fileName()));
        QVERIFY(QFile::remove(local));
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->remove(remote, false, context, done); }));
    }

    // Pause stops the file in flight (its partial copy stays) and resume continues it; cancel stops it
    // and removes the partial copy, leaving the complete earlier version alone.
    void pauseResumeAndCancelAFileInFlight()
    {
        const QString local = m_dir.filePath(u"paused.bin"_s);
        const QByteArray data = randomBytes(192 << 20);
        QVERIFY(writeFile(local, data));
        const QByteArray remote = m_remote + "/paused.bin";
        const QByteArray partial = TransferQueue::temporaryRemoteName(remote);
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const int id = queue.upload(local, m_remote, options);
        QTRY_VERIFY_WITH_TIMEOUT(!queue.job(id)->files.isEmpty() && queue.job(id)->files.first().done >= (8u << 20),
                                 60000);
        queue.pause(id);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->files.first().state, TransferQueue::FileState::Queued, 20000);
        QVERIFY(queue.isIdle());
        const auto paused = remoteStat(partial);
        QVERIFY_RESULT(paused);
        QVERIFY2(paused->size < quint64(data.size()), "the pause came after the end");
        QTest::qWait(300);
        QCOMPARE(remoteStat(partial)->size, paused->size); // it really stopped
        QVERIFY(!remoteStat(remote));
        queue.resume(id);
        const auto *job = run(queue, id);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QVERIFY2(job->files.first().transferred < quint64(data.size()), "resumed, not sent again from zero");
        QCOMPARE(remoteStat(remote)->size, quint64(data.size()));
        std::unique_ptr<sshcore::SshCommand> sum(m_connection->run({"sha256sum", "--", remote}));
        QTRY_VERIFY_WITH_TIMEOUT(sum->isFinished(), 60000);
        QVERIFY_RESULT(sum->result());
        QCOMPARE(sum->result()->standardOutput.left(64),
                 QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());

        // A new version, cancelled half-way: the complete old one stays, no partial copy is left.
        QVERIFY(writeFile(local, randomBytes(192 << 20)));
        const int again = queue.upload(local, m_remote, options);
        QTRY_VERIFY_WITH_TIMEOUT(!queue.job(again)->files.isEmpty()
                                     && queue.job(again)->files.first().done >= (8u << 20),
                                 60000);
        queue.cancel(again);
        QCOMPARE(queue.job(again)->state, TransferQueue::JobState::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(again)->files.first().state, TransferQueue::FileState::Skipped, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!remoteStat(partial), 10000);
        std::unique_ptr<sshcore::SshCommand> old(m_connection->run({"sha256sum", "--", remote}));
        QTRY_VERIFY_WITH_TIMEOUT(old->isFinished(), 60000);
        QVERIFY_RESULT(old->result());
        QCOMPARE(old->result()->standardOutput.left(64),
                 QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    }

    // A file that vanishes between the scan and its turn fails alone, saying so; the others go.
    void fileVanishedLocally()
    {
        const QString up = m_dir.filePath(u"vanishing"_s);
        QVERIFY(QDir().mkpath(up));
        QVERIFY(writeFile(up + u"/stays.txt"_s, "stays"));
        QVERIFY(writeFile(up + u"/goes.txt"_s, "goes"));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        // Removed as soon as the walk (on a worker) has listed it, before the job's files start.
        bool removed = false;
        int id = 0;
        connect(&queue, &TransferQueue::jobChanged, this, [&](int changed) {
            if (changed == id && !removed && queue.job(id)->state != TransferQueue::JobState::Scanning)
                removed = QFile::remove(up + u"/goes.txt"_s);
        });
        id = queue.upload(up, m_remote, options);
        QCOMPARE(queue.job(id)->state, TransferQueue::JobState::Scanning);
        const auto *job = run(queue, id);
        QVERIFY(removed);
        QCOMPARE(job->files.size(), 2);
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        for (const auto &file : job->files) {
            if (file.local.endsWith(u"goes.txt"_s)) {
                QCOMPARE(file.state, TransferQueue::FileState::Failed);
                QVERIFY2(file.error.contains(u"Cannot read the local file"_s) && file.error.contains(u"No such file"_s),
                         qPrintable(file.error));
            } else {
                QCOMPARE(file.state, TransferQueue::FileState::Done);
            }
        }
        QCOMPARE(remoteContents(m_remote + "/vanishing/stays.txt"), "stays"_ba);
        QVERIFY(!remoteStat(m_remote + "/vanishing/goes.txt"));
        QVERIFY(!remoteStat(TransferQueue::temporaryRemoteName(m_remote + "/vanishing/goes.txt")));
    }

    // The remote disk fills up (/srv/small on the demo cluster is a 4 MiB tmpfs): the file fails with
    // that reason, nothing appears under its name, the partial copy gives the space back, and a file
    // that fits still goes.
    void remoteDiskFull()
    {
        const QByteArray small = "/srv/small/tst-" + QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->makePath(small, context, done); }));
        const QString big = m_dir.filePath(u"too-big.bin"_s);
        QVERIFY(writeFile(big, randomBytes(6 << 20)));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(big, small, options));
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        const auto &file = job->files.first();
        QCOMPARE(file.state, TransferQueue::FileState::Failed);
        QVERIFY2(file.error.contains(u"no space left on the remote disk"_s), qPrintable(file.error));
        QVERIFY2(file.error.contains(u"removed to give the space back"_s), qPrintable(file.error));
        QVERIFY(!remoteStat(small + "/too-big.bin"));
        QVERIFY(!remoteStat(TransferQueue::temporaryRemoteName(small + "/too-big.bin")));

        const QString fits = m_dir.filePath(u"fits.bin"_s);
        const QByteArray data = randomBytes(1 << 20);
        QVERIFY(writeFile(fits, data));
        const auto *second = run(queue, queue.upload(fits, small, options));
        QVERIFY2(failures(second).isEmpty(), qPrintable(failures(second)));
        QCOMPARE(remoteContents(small + "/fits.bin"), data);
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->remove(small, true, context, done); }));
    }

    // A folder that cannot be made (a file has its name) fails its files; the rest arrive, and the
    // failures say why.
    void oneFailedFolderDoesNotStopTheTree()
    {
        const QString up = m_dir.filePath(u"partly/tree"_s);
        QVERIFY(QDir().mkpath(up + u"/good"_s));
        QVERIFY(QDir().mkpath(up + u"/blocked"_s));
        QVERIFY(writeFile(up + u"/good/a.txt"_s, "a"));
        QVERIFY(writeFile(up + u"/blocked/b.txt"_s, "b"));
        QVERIFY_RESULT(
            await<void>([&](QObject *context, auto done) { m_sftp->makePath(m_remote + "/tree", context, done); }));
        QVERIFY(writeFile(m_dir.filePath(u"blocker"_s), "I am a file"));
        QVERIFY_RESULT(await<quint64>([&](QObject *context, auto done) {
            m_sftp->upload(m_dir.filePath(u"blocker"_s), m_remote + "/tree/blocked", {}, context, done);
        }));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(up, m_remote, options));
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        const auto progress = queue.progress(job->id);
        QCOMPARE(progress.filesFailed, 1);
        QCOMPARE(progress.filesDone, 1);
        QCOMPARE(remoteContents(m_remote + "/tree/good/a.txt"), "a"_ba);
        QVERIFY2(failures(job).contains(u"blocked"_s), qPrintable(failures(job)));
    }

    // A name as long as the file system allows (255 bytes): its temporary name is shortened, so it
    // goes up and comes back, and a partial copy of it left by an interrupted run is resumed in both
    // directions. OpenSSH's sftp, the reference, copies such a name too.
    void longestNameTransfersAndResumes()
    {
        const QString name = u"longest-"_s + QString(247, u'n');
        QCOMPARE(QFile::encodeName(name).size(), 255);
        const QString dir = m_dir.filePath(u"longest"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString local = dir + u'/' + name;
        const QByteArray data = randomBytes(3 << 20);
        QVERIFY(writeFile(local, data));
        const QByteArray remoteDir = m_remote + "/longest";
        const QByteArray remote = remoteDir + '/' + name.toUtf8();

        // The reference: sftp puts it into a folder of its own.
        const QByteArray oracleDir = m_remote + "/longest-sftp";
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->makePath(oracleDir, context, done); }));
        QProcess sftp;
        sftp.setProcessChannelMode(QProcess::MergedChannels);
        sftp.start(u"sftp"_s,
                   {u"-F"_s, u"/dev/null"_s, u"-i"_s, m_cluster.user(u"alice")->keyPath, u"-o"_s,
                    u"IdentitiesOnly=yes"_s, u"-o"_s, u"BatchMode=yes"_s, u"-o"_s,
                    u"UserKnownHostsFile="_s + m_cluster.knownHostsPath, u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                    u"-P"_s, QString::number(m_cluster.loginPort), u"-b"_s, u"-"_s, u"alice@"_s + m_cluster.host});
        sftp.write(u"put \"%1\" \"%2/\"\n"_s.arg(local, QString::fromUtf8(oracleDir)).toUtf8());
        sftp.closeWriteChannel();
        QVERIFY(sftp.waitForFinished(60000));
        QVERIFY2(sftp.exitCode() == 0, sftp.readAll().constData());
        const auto copied = remoteStat(oracleDir + '/' + name.toUtf8());
        QVERIFY_RESULT(copied);
        QCOMPARE(copied->size, quint64(data.size()));

        // Up: a third of it is there under the (shortened) temporary name, from an earlier run.
        const QByteArray partial = TransferQueue::temporaryRemoteName(remote);
        QVERIFY(partial.size() - remoteDir.size() - 1 <= 255);
        QVERIFY(writeFile(dir + u"/third"_s, data.left(1 << 20)));
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->makePath(remoteDir, context, done); }));
        QVERIFY_RESULT(await<quint64>(
            [&](QObject *context, auto done) { m_sftp->upload(dir + u"/third"_s, partial, {}, context, done); }));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, remoteDir, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(2 << 20));
        QCOMPARE(remoteContents(remote), data);
        QVERIFY(!remoteStat(partial));

        // Down: the same, with the local temporary name.
        const QString down = m_dir.filePath(u"longest-down"_s);
        QVERIFY(QDir().mkpath(down));
        const QString localPartial = TransferQueue::temporaryLocalName(down + u'/' + name);
        QVERIFY(QFile::encodeName(QFileInfo(localPartial).fileName()).size() <= 255);
        QVERIFY(writeFile(localPartial, data.left(1 << 20)));
        const auto *back = run(queue, queue.download(remote, down, options));
        QVERIFY2(failures(back).isEmpty(), qPrintable(failures(back)));
        QCOMPARE(back->files.first().transferred, quint64(2 << 20));
        QCOMPARE(readFile(down + u'/' + name), data);
        QVERIFY(!QFileInfo::exists(localPartial));
    }

    // The queue goes while a file's SHA-256 is being computed on both ends: nothing crashes, the
    // local hash stops at once (the destruction does not wait for it), the late answers go to
    // nobody, and the unchecked copy is not put in place.
    void destroyedWhileVerifying()
    {
        const QString local = m_dir.filePath(u"verified.bin"_s);
        const quint64 size = 256ull << 20;
        {
            const QByteArray chunk = randomBytes(4 << 20);
            QFile file(local);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (quint64 written = 0; written < size; written += chunk.size())
                QCOMPARE(file.write(chunk), chunk.size());
        }
        const QByteArray remote = m_remote + "/verified.bin";
        auto queue = std::make_unique<TransferQueue>(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        options.verify = true;
        const int id = queue->upload(local, m_remote, options);
        // All of it sent, not yet placed: the hashes are running.
        QTRY_VERIFY_WITH_TIMEOUT(!queue->job(id)->files.isEmpty() && queue->job(id)->files.first().done == size,
                                 120000);
        QCOMPARE(queue->job(id)->files.first().state, TransferQueue::FileState::Running);
        QElapsedTimer took;
        took.start();
        queue.reset();
        QVERIFY2(took.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(took.elapsed())));
        // Long enough for the cluster's sha256sum of 256 MiB to answer, to nobody.
        QTest::qWait(3000);
        QVERIFY(!remoteStat(remote));
        QVERIFY(QFile::remove(local));
        (void)await<void>([&](QObject *context, auto done) {
            m_sftp->remove(TransferQueue::temporaryRemoteName(remote), false, context, done);
        });
    }

    // The command line: a tree up and back, a non-zero status when the source is missing.
    void commandLine()
    {
        const QString up = m_dir.filePath(u"cli/cli-tree"_s);
        QVERIFY(QDir().mkpath(up + u"/sub"_s));
        QVERIFY(writeFile(up + u"/sub/it's $(x)"_s, randomBytes(200000)));
        QVERIFY(writeFile(up + u"/empty"_s, {}));
        const auto cli = [this](const QStringList &arguments) {
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(QStringLiteral(CLUSTERDESK_CLI),
                          QStringList{u"-i"_s, m_cluster.user(u"alice")->keyPath, u"--known-hosts"_s,
                                      m_cluster.knownHostsPath, u"--batch"_s}
                              + arguments);
            process.waitForFinished(120000);
            return std::pair{process.exitCode(), QString::fromUtf8(process.readAll())};
        };
        const QString target = u"alice@%1:%2"_s.arg(m_cluster.host).arg(m_cluster.loginPort);
        auto [status, output] = cli({u"upload"_s, target, up, QString::fromUtf8(m_remote)});
        QVERIFY2(status == 0, qPrintable(output));
        QVERIFY2(output.contains(u"2 of 2 files"_s), qPrintable(output));
        const QString down = m_dir.filePath(u"cli-down"_s);
        QVERIFY(QDir().mkpath(down));
        std::tie(status, output) = cli({u"download"_s, target, QString::fromUtf8(m_remote + "/cli-tree"), down});
        QVERIFY2(status == 0, qPrintable(output));
        QCOMPARE(snapshot(down + u"/cli-tree"_s), snapshot(up));
        std::tie(status,
                 output) = cli({u"upload"_s, target, m_dir.filePath(u"nothing-here"_s), QString::fromUtf8(m_remote)});
        QCOMPARE(status, 1);
        QVERIFY2(output.contains(u"does not exist"_s), qPrintable(output));
    }

    void missingSourceIsReported()
    {
        TransferQueue queue(m_connection.get());
        const auto *job = run(queue, queue.upload(m_dir.filePath(u"not-there"_s), m_remote));
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        QVERIFY2(job->error.contains(u"does not exist"_s), qPrintable(job->error));
        const auto *down = run(queue, queue.download(m_remote + "/not-there", m_dir.path()));
        QVERIFY2(down->error.contains(u"no such file"_s), qPrintable(down->error));
    }
};

QTEST_GUILESS_MAIN(tst_Transfers)
#include "tst_transfers.moc"
