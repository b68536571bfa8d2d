// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"
#include "sshcore/Result.h"

#include <QList>
#include <QObject>
#include <QUuid>

namespace sshcore {
class SshConfig;
}

namespace app {

// The user's cluster profiles, in one human-readable, versioned JSON file in the platform's config
// folder. Writes are atomic (a temporary file renamed into place). A file that cannot be read, or was
// written by a newer clusterdesk, is reported and left exactly as it is: the store then refuses to
// save rather than overwrite it.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int format = 1;

    explicit ProfileStore(QString filePath = defaultFilePath(), QObject *parent = nullptr);

    static QString defaultFilePath();
    // The desktop app's file from any program (clusterdesk-cli reads the clusters the app saved):
    // defaultFilePath() as it is in the app, whose organisation and application are both "clusterdesk".
    static QString desktopAppFilePath();
    QString filePath() const { return m_filePath; }

    // A missing file is an empty list, not an error.
    sshcore::Result<> load();
    bool isReadOnly() const { return !m_problem.isEmpty(); }
    QString problem() const { return m_problem; }

    const QList<Profile> &profiles() const { return m_profiles; }
    const Profile *profile(const QUuid &id) const;

    // Each change is saved at once; names are made unique ("Hawk (2)").
    sshcore::Result<Profile> add(Profile profile);
    sshcore::Result<> update(const Profile &profile);
    sshcore::Result<> remove(const QUuid &id);
    sshcore::Result<Profile> clone(const QUuid &id);
    sshcore::Result<> rename(const QUuid &id, const QString &name);

    // A file of the same format with the chosen profiles; importing adds them as new profiles.
    sshcore::Result<> exportTo(const QString &path, const QList<QUuid> &ids) const;
    sshcore::Result<int> importFrom(const QString &path);

    // Every concrete Host of an ssh configuration as a profile the user may add.
    static QList<Profile> suggestionsFromSshConfig(const sshcore::SshConfig &config);

    static sshcore::Result<QList<Profile>> parse(const QByteArray &json, const QString &origin);
    static QByteArray serialize(const QList<Profile> &profiles);

Q_SIGNALS:
    void changed();

private:
    sshcore::Result<> save(const QList<Profile> &profiles);
    static QString uniqueName(const QList<Profile> &among, const QString &wanted, const QUuid &except = {});

    QString m_filePath;
    QList<Profile> m_profiles;
    QString m_problem;
};

} // namespace app
