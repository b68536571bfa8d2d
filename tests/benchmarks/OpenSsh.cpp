// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OpenSsh.h"

#include "sshcore/Libssh2Library.h"
#include "sshcore/session/CipherPreference.h"

#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>
#include <arpa/inet.h>
#include <libssh2.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using sshcore::Result;

namespace bench {

Result<Methods> negotiatedMethods(const QString &host, quint16 port)
{
    if (auto ready = sshcore::Libssh2Library::initialize(); !ready)
        return sshcore::failure(ready.error());
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, host.toLatin1().constData(), &address.sin_addr);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        if (fd >= 0)
            ::close(fd);
        return sshcore::failure(u"cannot connect to %1:%2"_s.arg(host).arg(port));
    }
    LIBSSH2_SESSION *session = libssh2_session_init();
    Result<Methods> methods = sshcore::failure(u"the SSH handshake with %1:%2 failed"_s.arg(host).arg(port));
    if (session)
        sshcore::detail::preferFastCiphers(session); // what clusterdesk's sessions offer
    if (session && libssh2_session_handshake(session, fd) == 0) {
        const auto name = [session](int type) { return QString::fromLatin1(libssh2_session_methods(session, type)); };
        methods = Methods{name(LIBSSH2_METHOD_KEX), name(LIBSSH2_METHOD_CRYPT_CS), name(LIBSSH2_METHOD_MAC_CS),
                          QString::fromLatin1(libssh2_session_banner_get(session))};
        libssh2_session_disconnect(session, "benchmark: handshake only");
    }
    if (session)
        libssh2_session_free(session);
    ::close(fd);
    return methods;
}

OpenSsh::OpenSsh(QString host, QString user, const QString &key, const Methods &methods, std::chrono::seconds timeout)
    : m_host(std::move(host))
    , m_user(std::move(user))
    , m_timeout(timeout)
{
    m_options = {u"-F"_s, u"/dev/null"_s,
                 u"-i"_s, key,
                 u"-o"_s, u"IdentitiesOnly=yes"_s,
                 u"-o"_s, u"BatchMode=yes"_s,
                 u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                 u"-o"_s, u"UpdateHostKeys=no"_s,
                 u"-o"_s, u"Compression=no"_s,
                 u"-o"_s, u"LogLevel=ERROR"_s,
                 u"-o"_s, u"KexAlgorithms="_s + methods.kex,
                 u"-c"_s, methods.cipher};
    if (!methods.aead())
        m_options << u"-o"_s << u"MACs="_s + methods.mac;
}

Result<double> OpenSsh::sftp(const Endpoint &at, const QByteArray &commands) const
{
    return run(u"sftp"_s, arguments(at) << u"-b"_s << u"-"_s << target(), commands);
}

Result<double> OpenSsh::scp(const Endpoint &at, const QStringList &sourceAndTarget, bool recursive) const
{
    QStringList args = arguments(at) << u"-q"_s;
    if (recursive)
        args << u"-r"_s;
    return run(u"scp"_s, args + sourceAndTarget, {});
}

Result<double> OpenSsh::login(const Endpoint &at) const
{
    std::vector<double> times;
    for (int i = 0; i < 3; ++i) {
        const auto time = sftp(at, {});
        if (!time)
            return time;
        times.push_back(*time);
    }
    std::ranges::sort(times);
    return times[1];
}

QString OpenSsh::version()
{
    QProcess ssh;
    ssh.start(u"ssh"_s, {u"-V"_s});
    ssh.waitForFinished();
    return QString::fromLocal8Bit(ssh.readAllStandardError() + ssh.readAllStandardOutput()).trimmed();
}

QStringList OpenSsh::arguments(const Endpoint &at) const
{
    return QStringList(m_options) << u"-P"_s << QString::number(at.port) << u"-o"_s
                                  << u"UserKnownHostsFile="_s + at.knownHosts;
}

Result<double> OpenSsh::run(const QString &program, const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted())
        return sshcore::failure(u"cannot start %1: %2"_s.arg(program, process.errorString()));
    process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(int(std::chrono::milliseconds(m_timeout).count()));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!finished) {
        process.kill();
        process.waitForFinished();
        return sshcore::failure(u"%1 did not finish within %2 s"_s.arg(program).arg(m_timeout.count()));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return sshcore::failure(u"%1 failed (exit %2): %3"_s.arg(program)
                                    .arg(process.exitCode())
                                    .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
    return seconds;
}

} // namespace bench
