// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/KnownHosts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::KnownHosts)
};

} // namespace

namespace {

int knownHostKeyBits(int libssh2KeyType)
{
    switch (libssh2KeyType) {
    case LIBSSH2_HOSTKEY_TYPE_RSA: return LIBSSH2_KNOWNHOST_KEY_SSHRSA;
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_256: return LIBSSH2_KNOWNHOST_KEY_ECDSA_256;
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_384: return LIBSSH2_KNOWNHOST_KEY_ECDSA_384;
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_521: return LIBSSH2_KNOWNHOST_KEY_ECDSA_521;
    case LIBSSH2_HOSTKEY_TYPE_ED25519: return LIBSSH2_KNOWNHOST_KEY_ED25519;
    default: return LIBSSH2_KNOWNHOST_KEY_UNKNOWN;
    }
}

QString methodForKnownHostBits(int bits)
{
    switch (bits & LIBSSH2_KNOWNHOST_KEY_MASK) {
    case LIBSSH2_KNOWNHOST_KEY_SSHRSA: return QStringLiteral("rsa-sha2-512,rsa-sha2-256,ssh-rsa");
    case LIBSSH2_KNOWNHOST_KEY_ECDSA_256: return QStringLiteral("ecdsa-sha2-nistp256");
    case LIBSSH2_KNOWNHOST_KEY_ECDSA_384: return QStringLiteral("ecdsa-sha2-nistp384");
    case LIBSSH2_KNOWNHOST_KEY_ECDSA_521: return QStringLiteral("ecdsa-sha2-nistp521");
    case LIBSSH2_KNOWNHOST_KEY_ED25519: return QStringLiteral("ssh-ed25519");
    default: return {};
    }
}

// One known_hosts file, read.
struct Collection
{
    Collection(LIBSSH2_SESSION *session, const QString &file)
        : hosts(libssh2_knownhost_init(session))
    {
        if (hosts && QFileInfo::exists(file))
            loaded = libssh2_knownhost_readfile(hosts, QFile::encodeName(file).constData(),
                                                LIBSSH2_KNOWNHOST_FILE_OPENSSH)
                     >= 0;
    }
    ~Collection()
    {
        if (hosts)
            libssh2_knownhost_free(hosts);
    }
    Collection(const Collection &) = delete;
    Collection &operator=(const Collection &) = delete;
    LIBSSH2_KNOWNHOSTS *hosts;
    bool loaded = false;
};

} // namespace

KnownHosts::KnownHosts(LIBSSH2_SESSION *session)
    : m_session(session)
{}

KnownHosts::~KnownHosts() = default;

KnownHosts::Verdict KnownHosts::check(const QStringList &files, const QString &host, quint16 port,
                                      const QByteArray &key, int libssh2KeyType) const
{
    const QByteArray hostName = host.toUtf8();
    for (const QString &file : files) {
        const Collection collection(m_session, file);
        if (!collection.loaded)
            continue;
        const int typeMask = LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW
                             | knownHostKeyBits(libssh2KeyType);
        libssh2_knownhost *entry = nullptr;
        const int result = libssh2_knownhost_checkp(collection.hosts, hostName.constData(), port, key.constData(),
                                                    size_t(key.size()), typeMask, &entry);
        if (result == LIBSSH2_KNOWNHOST_CHECK_MATCH)
            return {Status::Match, file};
        if (result == LIBSSH2_KNOWNHOST_CHECK_MISMATCH)
            return {Status::Mismatch, file};
    }
    return {Status::NotFound, files.value(0)};
}

QStringList KnownHosts::knownKeyMethods(const QStringList &files, const QString &host, quint16 port) const
{
    // libssh2 cannot look up by host alone, so walk the entries and match their names.
    const QString plain = port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
    QStringList methods;
    for (const QString &file : files) {
        const Collection collection(m_session, file);
        if (!collection.loaded)
            continue;
        libssh2_knownhost *entry = nullptr;
        libssh2_knownhost *previous = nullptr;
        while (libssh2_knownhost_get(collection.hosts, &entry, previous) == 0) {
            previous = entry;
            if (!entry->name || QString::fromUtf8(entry->name) != plain)
                continue; // hashed names are matched by check(); they still verify correctly
            const QString method = methodForKnownHostBits(entry->typemask);
            if (!method.isEmpty() && !methods.contains(method))
                methods.append(method);
        }
    }
    return methods;
}

Result<> KnownHosts::append(const QString &file, const QString &host, quint16 port, const QByteArray &key,
                            int libssh2KeyType)
{
    const QString name = port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
    const QString line = QStringLiteral("%1 %2 %3\n")
                             .arg(name, keyTypeName(libssh2KeyType), QString::fromLatin1(key.toBase64()));
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return failure(Tr::tr("Cannot create the folder of %1.").arg(QDir::toNativeSeparators(file)));
    QFile out(file);
    // Append, so that a concurrent ssh's entries are never lost; OpenSSH does the same.
    if (!out.open(QIODevice::WriteOnly | QIODevice::Append))
        return failure(
            Tr::tr("Cannot save the host key to %1: %2.").arg(QDir::toNativeSeparators(file), out.errorString()));
    if (out.size() == 0)
        out.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (out.write(line.toUtf8()) < 0 || !out.flush())
        return failure(
            Tr::tr("Cannot save the host key to %1: %2.").arg(QDir::toNativeSeparators(file), out.errorString()));
    return {};
}

QString KnownHosts::keyTypeName(int libssh2KeyType)
{
    switch (libssh2KeyType) {
    case LIBSSH2_HOSTKEY_TYPE_RSA: return QStringLiteral("ssh-rsa");
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_256: return QStringLiteral("ecdsa-sha2-nistp256");
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_384: return QStringLiteral("ecdsa-sha2-nistp384");
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_521: return QStringLiteral("ecdsa-sha2-nistp521");
    case LIBSSH2_HOSTKEY_TYPE_ED25519: return QStringLiteral("ssh-ed25519");
    default: return QStringLiteral("unknown");
    }
}

QString KnownHosts::fingerprintSha256(LIBSSH2_SESSION *session)
{
    const char *hash = libssh2_hostkey_hash(session, LIBSSH2_HOSTKEY_HASH_SHA256);
    if (!hash)
        return {};
    QByteArray base64 = QByteArray(hash, 32).toBase64();
    while (base64.endsWith('='))
        base64.chop(1);
    return QStringLiteral("SHA256:") + QString::fromLatin1(base64);
}

} // namespace sshcore
