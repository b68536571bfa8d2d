// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/Libssh2Library.h"

#include <QCoreApplication>

#include <libssh2.h>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::Libssh2Library)
};

} // namespace

namespace {

struct GlobalState
{
    GlobalState()
        : status(libssh2_init(0))
    {}
    ~GlobalState()
    {
        if (status == 0)
            libssh2_exit();
    }
    GlobalState(const GlobalState &) = delete;
    GlobalState &operator=(const GlobalState &) = delete;

    int status;
};

} // namespace

Result<> Libssh2Library::initialize()
{
    static const GlobalState state; // thread-safe one-time initialisation (C++11 magic statics)
    if (state.status != 0)
        return failure(Tr::tr("The SSH library (libssh2) could not be initialised (error %1); "
                              "check that its crypto backend is installed correctly.")
                           .arg(state.status));
    return {};
}

QString Libssh2Library::runtimeVersion()
{
    const char *version = libssh2_version(0);
    return version ? QString::fromLatin1(version) : QString();
}

bool Libssh2Library::patched()
{
#ifdef CLUSTERDESK_PATCHED_LIBSSH2
    return true;
#else
    return false;
#endif
}

QString Libssh2Library::buildVersion()
{
    return QStringLiteral(LIBSSH2_VERSION);
}

} // namespace sshcore
