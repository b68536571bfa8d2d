// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Big files in parts over extra SSH sessions (SplitTransfer, ExtraSessions) against the demo cluster:
// a 300 MiB upload and download whose parts really go over extra sessions (counted, and seen as
// sshd sessions of alice on the server), byte for byte; bob, whose login takes a second factor, gets
// no extra session and is not asked again; extra sessions the server refuses leave the transfer to
// the others; a split transfer stopped half-way leaves no final name and resumes to a whole file,
// also from a partial copy still marked as written in parts.

#include "TcpRelay.h"
#include "TransferTestFixture.h"

using namespace transfertests;
using namespace std::chrono_literals;

namespace {

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray remoteSha256(SshConnection &connection, const QByteArray &path)
{
    const auto sum = testsupport::runAndWait(connection, {"sha256sum", "--", path});
    return sum ? sum->standardOutput.left(64) : QByteArray("<" + sum.error().message.toUtf8() + ">");
}

// sshd's processes serving a user's connections ("sshd-session: alice@notty", or "sshd: ..." before
// OpenSSH 9.8), as the server lists them: one per connection, whatever its channels.
int sshdSessionsOf(SshConnection &connection, const QByteArray &user)
{
    const auto listed = testsupport::runAndWait(connection, {"sh", "-c",
                                                             "ps -u " + user + " -o args= | grep -c '^sshd[^ ]*: "
                                                                 + user + "@' || true"});
    return listed ? listed->standardOutput.trimmed().toInt() : -1;
}

// Answers as a keyring does: the password carol's profile remembers, given without a person.
class RememberedPassword : public ScriptedInteraction
{
public:
    AnswerSource lastSecretSource() const override { return AnswerSource::Remembered; }
};

} // namespace

class tst_MultiSession : public TransferTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        connectAndMakeFolder();
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(m_connection->loginNeedsNoPerson()); // alice: a key without a passphrase
    }
    void cleanupTestCase() { removeFolder(); }

    void bigFileBothWaysInParts()
    {
        const QString local = m_dir.filePath(u"big.bin"_s);
        const QByteArray data = randomBytes(300 << 20);
        QVERIFY(writeFile(local, data));
        const QByteArray remote = m_remote + "/big.bin";
        TransferQueue queue(m_connection.get());
        QCOMPARE(queue.extraSessions(), TransferQueue::defaultExtraSessions());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const int baseline = sshdSessionsOf(*m_connection, "alice");
        const int id = queue.upload(local, m_remote, options);
        // While it runs, the server serves alice's extra sessions too.
        int most = baseline;
        const auto ended = [&] {
            if (queue.extraSessionsLoggedIn() > 0)
                most = std::max(most, sshdSessionsOf(*m_connection, "alice"));
            const auto *job = queue.job(id);
            return job && job->state == TransferQueue::JobState::Finished;
        };
        QVERIFY(QTest::qWaitFor(ended, 120000));
        const auto *job = queue.job(id);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QVERIFY2(queue.partsOnExtraSessions() >= 1, "no part went over an extra session");
        QVERIFY(queue.extraSessionsLoggedIn() >= 1 && queue.extraSessionsLoggedIn() <= 3);
        QVERIFY2(most > baseline,
                 qPrintable(u"sshd sessions of alice: %1 before, at most %2 during"_s.arg(baseline).arg(most)));
        QCOMPARE(remoteSha256(*m_connection, remote), sha256(data));
        QVERIFY(!remoteStat(TransferQueue::temporaryRemoteName(remote)));
        QCOMPARE(remoteStat(remote)->permissions & 0777,
                 QFileInfo(local).permissions() & QFile::ExeOwner ? 0755u : 0644u);

        // Back, on the sessions kept from the upload (no new logins while they are open).
        const int loggedIn = queue.extraSessionsLoggedIn();
        const int parts = queue.partsOnExtraSessions();
        QDir(m_dir.path()).mkdir(u"back"_s);
        const QString back = m_dir.filePath(u"back/big.bin"_s);
        const auto *down = run(queue, queue.download(remote, m_dir.filePath(u"back"_s), options), 120000);
        QVERIFY2(failures(down).isEmpty(), qPrintable(failures(down)));
        QVERIFY(queue.partsOnExtraSessions() > parts);
        QCOMPARE(queue.extraSessionsLoggedIn(), loggedIn);
        QCOMPARE(sha256(readFile(back)), sha256(data));
        QVERIFY(!QFileInfo::exists(TransferQueue::temporaryLocalName(back)));
        QVERIFY((QFileInfo(back).permissions() & QFile::ReadOwner) && !(QFile(back).permissions() & QFile::ExeOther));
        QFile::remove(back);
        QFile::remove(local);

        // Idle, they close.
        queue.setExtraSessionsIdleTimeout(200ms);
        queue.setSplitFrom(32 << 20);
        const QString small = m_dir.filePath(u"idle.bin"_s);
        QVERIFY(writeFile(small, randomBytes(40 << 20)));
        QVERIFY(failures(run(queue, queue.upload(small, m_remote, options), 60000)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sshdSessionsOf(*m_connection, "alice"), baseline, 10000);
    }

    // bob logs in with his key and a TOTP code: a person was needed, so no extra session is opened
    // (it would have to ask for a code again), and nobody is asked anything for the transfer.
    void secondFactorGetsNoExtraSessions()
    {
        ScriptedInteraction bob;
        bob.totpSecretHex = m_cluster.user(u"bob"_s)->totpSecretHex;
        // pam_oath takes each code once and none of a step before the last it took (other tests log bob
        // in too): the code two steps ahead, and after a refusal, again in the next 30-second step.
        bob.totpStepOffset = 2;
        std::unique_ptr<SshConnection> connection;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const qint64 step = QDateTime::currentSecsSinceEpoch() / 30;
            connection = testsupport::connectAs(m_cluster, u"bob"_s, &bob);
            if (connection->state() == SshConnectionState::Connected)
                break;
            QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() / 30 > step, 31000);
        }
        QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
        QVERIFY(!connection->loginNeedsNoPerson());
        const qsizetype asked = bob.keyboardQuestions.size() + bob.secretQuestions.size();

        sshcore::SftpClient sftp(connection.get());
        const QByteArray folder = "/home/bob/tst-multisession-"
                                  + QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { sftp.makePath(folder, context, done); }));
        const QString local = m_dir.filePath(u"bob.bin"_s);
        const QByteArray data = randomBytes(48 << 20);
        QVERIFY(writeFile(local, data));
        TransferQueue queue(connection.get());
        queue.setSplitFrom(32 << 20);
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, folder, options), 60000);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(queue.extraSessionsLoggedIn(), 0);
        QCOMPARE(queue.partsOnExtraSessions(), 0);
        QCOMPARE(bob.keyboardQuestions.size() + bob.secretQuestions.size(), asked);
        QCOMPARE(remoteSha256(*connection, folder + "/bob.bin"), sha256(data));
        (void)await<void>([&](QObject *context, auto done) { sftp.remove(folder, true, context, done); });
        QFile::remove(local);
    }

    // carol logs in with a password: remembered (from a keyring), her extra sessions log in with it,
    // asking nobody; typed by a person, she gets none (they would reuse what a person typed).
    void rememberedPasswordButNotTypedOne()
    {
        const QString password = m_cluster.user(u"carol"_s)->password;
        const QString local = m_dir.filePath(u"carol.bin"_s);
        const QByteArray data = randomBytes(64 << 20);
        QVERIFY(writeFile(local, data));
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        {
            RememberedPassword keyring;
            keyring.passwords = {password};
            auto connection = testsupport::connectAs(m_cluster, u"carol"_s, &keyring);
            QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
            QVERIFY(connection->loginNeedsNoPerson());
            QCOMPARE(keyring.secretQuestions.size(), 1);
            TransferQueue queue(connection.get());
            queue.setSplitFrom(32 << 20);
            const auto *job = run(queue, queue.upload(local, "/home/carol", options), 60000);
            QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
            QVERIFY(queue.extraSessionsLoggedIn() >= 1);
            QCOMPARE(keyring.secretQuestions.size(), 1); // the extra sessions asked nobody
            QCOMPARE(remoteSha256(*connection, "/home/carol/carol.bin"), sha256(data));
        }
        ScriptedInteraction person;
        person.passwords = {password};
        auto connection = testsupport::connectAs(m_cluster, u"carol"_s, &person);
        QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
        QVERIFY(!connection->loginNeedsNoPerson());
        TransferQueue queue(connection.get());
        queue.setSplitFrom(32 << 20);
        const auto *job = run(queue, queue.upload(local, "/home/carol", options), 60000);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(queue.extraSessionsLoggedIn(), 0);
        QCOMPARE(person.secretQuestions.size(), 1);
        QVERIFY_RESULT(testsupport::runAndWait(*connection, {"rm", "-f", "/home/carol/carol.bin"}));
        QFile::remove(local);
    }

    // The server takes the main connection and one more, then refuses: the transfer goes over those
    // two, nobody is asked, and it is whole. The relay's port is a host known_hosts does not have: the
    // main login accepted its key once, and the extra session accepts that same key, nothing else.
    void refusedExtraSessionsFallBack()
    {
        TcpRelay relay(m_cluster.host, m_cluster.loginPort);
        QVERIFY(relay.listen());
        relay.acceptAtMost(2);
        auto settings = testsupport::demoSettings(m_cluster, u"alice"_s);
        settings.port = relay.port();
        settings.knownHostsFiles = {m_dir.filePath(u"relay_known_hosts"_s)};
        settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;
        ScriptedInteraction person;
        person.hostKeyDecision = ScriptedInteraction::HostKeyDecision::AcceptOnce;
        auto connection = testsupport::connectWith(settings, &person);
        QVERIFY2(connection->state() == SshConnectionState::Connected, qPrintable(connection->stateMessage()));
        QCOMPARE(person.hostKeyQuestions.size(), 1);
        QVERIFY(connection->loginNeedsNoPerson());

        const QString local = m_dir.filePath(u"refused.bin"_s);
        const QByteArray data = randomBytes(96 << 20);
        QVERIFY(writeFile(local, data));
        TransferQueue queue(connection.get());
        queue.setSplitFrom(32 << 20);
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, m_remote, options), 60000);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(queue.extraSessionsLoggedIn(), 1);
        QCOMPARE(person.hostKeyQuestions.size(), 1);
        QCOMPARE(remoteSha256(*m_connection, m_remote + "/refused.bin"), sha256(data));

        // None at all: the main connection alone.
        relay.acceptAtMost(0);
        TransferQueue alone(connection.get());
        alone.setSplitFrom(32 << 20);
        const auto *again = run(alone, alone.download(m_remote + "/refused.bin", m_dir.path(), options), 60000);
        QVERIFY2(failures(again).isEmpty(), qPrintable(failures(again)));
        QCOMPARE(alone.extraSessionsLoggedIn(), 0);
        QCOMPARE(sha256(readFile(local)), sha256(data));
    }

    // Paused half-way, a split file leaves its partial copy cut back to what is complete from its start,
    // unmarked, and nothing under its final name; resumed, it continues from there and is whole. A copy
    // an earlier run left still marked (its cut never happened) is sent again from zero.
    void stopAndResumeInParts_data()
    {
        QTest::addColumn<bool>("upload");
        QTest::newRow("upload") << true;
        QTest::newRow("download") << false;
    }
    void stopAndResumeInParts()
    {
        QFETCH(bool, upload);
        const QString name = upload ? u"stop-up.bin"_s : u"stop-down.bin"_s;
        // Big enough, and slow enough with little in flight, that the pause below (polled) comes well
        // before the end even on a fast machine: with the patched libssh2 160 MiB went by in a poll.
        const QByteArray data = randomBytes(384 << 20);
        QDir(m_dir.path()).mkdir(u"from"_s);
        const QString source = m_dir.filePath(u"from/"_s + name);
        QVERIFY(writeFile(source, data));
        const QByteArray remote = m_remote + '/' + name.toUtf8();
        QDir(m_dir.path()).mkdir(u"into"_s);
        const QString local = m_dir.filePath(u"into/"_s + name);
        if (!upload) {
            QVERIFY_RESULT(await<quint64>(
                [&](QObject *context, auto done) { m_sftp->upload(source, remote, {}, context, done); }));
        }
        const auto partialSize = [&]() -> std::optional<SftpEntry> {
            if (upload) {
                const auto found = remoteStat(TransferQueue::temporaryRemoteName(remote));
                return found ? std::optional(*found) : std::nullopt;
            }
            const QFileInfo info(TransferQueue::temporaryLocalName(local));
            if (!info.exists())
                return std::nullopt;
            SftpEntry entry;
            entry.size = quint64(info.size());
            struct stat mode = {};
            ::stat(QFile::encodeName(info.filePath()).constData(), &mode);
            entry.permissions = mode.st_mode & 07777;
            return entry;
        };
        const auto finalExists = [&] { return upload ? bool(remoteStat(remote)) : QFileInfo::exists(local); };
        const auto start = [&](TransferQueue &queue) {
            TransferOptions options;
            options.conflict = TransferOptions::Conflict::Overwrite;
            options.bufferSize = 64 << 10; // slow enough to stop in the middle
            return upload ? queue.upload(source, m_remote, options)
                          : queue.download(remote, m_dir.filePath(u"into"_s), options);
        };

        TransferQueue queue(m_connection.get());
        queue.setSplitFrom(32 << 20);
        const int id = start(queue);
        QTRY_VERIFY_WITH_TIMEOUT(queue.partsOnExtraSessions() > 0
                                     || (!queue.job(id)->files.isEmpty()
                                         && queue.job(id)->files.first().done >= (48u << 20)),
                                 60000);
        queue.pause(id);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->files.first().state, TransferQueue::FileState::Queued, 20000);
        QVERIFY(queue.extraSessionsLoggedIn() >= 1);
        const auto paused = partialSize();
        QVERIFY(paused);
        QVERIFY2(paused->size < quint64(data.size()), "the pause came after the end");
        QCOMPARE(paused->size, queue.job(id)->files.first().done);
        QCOMPARE(paused->permissions & 07777, 0600u); // cut back: no longer marked
        QVERIFY(!finalExists());
        const QByteArray prefix = upload ? remoteContents(TransferQueue::temporaryRemoteName(remote))
                                         : readFile(TransferQueue::temporaryLocalName(local));
        QVERIFY(data.startsWith(prefix));

        queue.resume(id);
        const auto *job = run(queue, id, 60000);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QVERIFY2(job->files.first().transferred < quint64(data.size()), "resumed, not sent again from zero");
        const QByteArray whole = upload ? remoteSha256(*m_connection, remote) : sha256(readFile(local));
        QCOMPARE(whole, sha256(data));
        QVERIFY(!partialSize());

        // What a run that ended without its cut leaves: a partial copy marked, holes and all.
        if (upload)
            QVERIFY_RESULT(
                await<void>([&](QObject *context, auto done) { m_sftp->remove(remote, false, context, done); }));
        else
            QFile::remove(local);
        const QByteArray holey = data.left(8 << 20) + QByteArray(8 << 20, '\0') + data.mid(16 << 20, 8 << 20);
        const QString holeyFile = m_dir.filePath(u"holey"_s);
        QVERIFY(writeFile(holeyFile, holey));
        if (upload) {
            sshcore::SftpTransferOptions marked;
            marked.permissions = sshcore::SftpTransferOptions::UnorderedPartialMode;
            QVERIFY_RESULT(await<quint64>([&](QObject *context, auto done) {
                m_sftp->upload(holeyFile, TransferQueue::temporaryRemoteName(remote), marked, context, done);
            }));
        } else {
            QVERIFY(QFile::rename(holeyFile, TransferQueue::temporaryLocalName(local)));
            QVERIFY(::chmod(QFile::encodeName(TransferQueue::temporaryLocalName(local)).constData(),
                            sshcore::SftpTransferOptions::UnorderedLocalMode)
                    == 0);
        }
        TransferQueue later(m_connection.get());
        later.setSplitFrom(32 << 20);
        const auto *fresh = run(later, start(later), 60000);
        QVERIFY2(failures(fresh).isEmpty(), qPrintable(failures(fresh)));
        QCOMPARE(fresh->files.first().transferred, quint64(data.size()));
        const QByteArray again = upload ? remoteSha256(*m_connection, remote) : sha256(readFile(local));
        QCOMPARE(again, sha256(data));
        QFile::remove(source);
        QFile::remove(local);
    }
};

QTEST_GUILESS_MAIN(tst_MultiSession)

#include "tst_multisession.moc"
