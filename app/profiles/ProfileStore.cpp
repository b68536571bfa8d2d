// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/profiles/ProfileStore.h"

#include "app/notify/Notice.h"
#include "sshcore/config/SshConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>

using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::ProfileStore)
};

} // namespace

ProfileStore::ProfileStore(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
{}

QString ProfileStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/profiles.json");
}

QString ProfileStore::desktopAppFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/clusterdesk/clusterdesk/profiles.json");
}

Result<QList<Profile>> ProfileStore::parse(const QByteArray &json, const QString &origin)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(Tr::tr("%1 is damaged (%2 at byte %3).")
                           .arg(origin, document.isObject() || error.error != QJsonParseError::NoError
                                            ? error.errorString()
                                            : Tr::tr("not a profiles file"))
                           .arg(error.offset));
    const QJsonObject root = document.object();
    const int fileFormat = root.value(QLatin1StringView("format")).toInt(0);
    if (fileFormat > format)
        return failure(Tr::tr("%1 was written by a newer clusterdesk (format %2; this one reads format %3).")
                           .arg(origin)
                           .arg(fileFormat)
                           .arg(format));
    if (fileFormat < 1)
        return failure(Tr::tr("%1 is not a clusterdesk profiles file (no format number).").arg(origin));
    QList<Profile> profiles;
    for (const QJsonValue &value : root.value(QLatin1StringView("profiles")).toArray()) {
        auto profile = Profile::fromJson(value.toObject());
        if (!profile)
            return failure(sshcore::ErrorKind::Malformed,
                           Tr::tr("%1 is damaged: %2.").arg(origin, profile.error().message));
        profiles.append(*profile);
    }
    return profiles;
}

QByteArray ProfileStore::serialize(const QList<Profile> &profiles)
{
    QJsonArray array;
    for (const Profile &profile : profiles)
        array.append(profile.toJson());
    const QJsonObject root{{QStringLiteral("format"), format}, {QStringLiteral("profiles"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<> ProfileStore::load()
{
    m_problem.clear();
    m_profiles.clear();
    QFile file(m_filePath);
    if (!file.exists()) {
        Q_EMIT changed();
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem = QStringLiteral("Cannot read %1: %2.").arg(QDir::toNativeSeparators(m_filePath), file.errorString());
    } else if (auto profiles = parse(file.readAll(), QDir::toNativeSeparators(m_filePath)); !profiles) {
        m_problem = profiles.error().message;
    } else {
        m_profiles = *profiles;
    }
    Q_EMIT changed();
    if (!m_problem.isEmpty())
        return failure(Tr::tr("%1 clusterdesk left the file untouched and will not change it; "
                              "move it away or repair it to manage profiles again.")
                           .arg(m_problem));
    return {};
}

Result<> ProfileStore::save(const QList<Profile> &profiles)
{
    if (isReadOnly())
        return failure(Tr::tr("Profiles cannot be saved: %1").arg(m_problem));
    if (!QDir().mkpath(QFileInfo(m_filePath).absolutePath()))
        return failure(Tr::tr("Cannot create the folder for %1.").arg(QDir::toNativeSeparators(m_filePath)));
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return failure(
            Tr::tr("Cannot save profiles to %1: %2.").arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(serialize(profiles));
    if (!file.commit())
        return failure(Tr::tr("Cannot save profiles to %1: %2. The previous file is unchanged.")
                           .arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    m_profiles = profiles;
    Q_EMIT changed();
    return {};
}

const Profile *ProfileStore::profile(const QUuid &id) const
{
    for (const Profile &candidate : m_profiles) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QString ProfileStore::uniqueName(const QList<Profile> &among, const QString &wanted, const QUuid &except)
{
    const QString base = wanted.trimmed().isEmpty() ? QStringLiteral("Cluster") : wanted.trimmed();
    const auto taken = [&](const QString &name) {
        return std::ranges::any_of(among, [&](const Profile &p) {
            return p.id != except && p.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

Result<Profile> ProfileStore::add(Profile profile)
{
    if (profile.host.trimmed().isEmpty())
        return failure(Tr::tr("A cluster needs a host name."));
    if (profile.id.isNull() || this->profile(profile.id))
        profile.id = QUuid::createUuid();
    profile.name = uniqueName(m_profiles, profile.name.isEmpty() ? profile.host : profile.name);
    QList<Profile> profiles = m_profiles;
    profiles.append(profile);
    if (auto saved = save(profiles); !saved)
        return std::unexpected(saved.error());
    return profile;
}

Result<> ProfileStore::update(const Profile &profile)
{
    QList<Profile> profiles = m_profiles;
    const auto it = std::ranges::find(profiles, profile.id, &Profile::id);
    if (it == profiles.end())
        return failure(Tr::tr("The cluster \"%1\" no longer exists.").arg(profile.name));
    if (profile.host.trimmed().isEmpty())
        return failure(Tr::tr("A cluster needs a host name."));
    const QString before = it->name;
    *it = profile;
    it->name = uniqueName(profiles, profile.name, profile.id);
    const QString after = it->name;
    auto saved = save(profiles);
    if (saved)
        NoticePreferences::rename(before, after); // its notices are chosen by name
    return saved;
}

Result<> ProfileStore::remove(const QUuid &id)
{
    const Profile *removed = profile(id);
    if (!removed)
        return failure(Tr::tr("That cluster no longer exists."));
    const QString name = removed->name;
    QList<Profile> profiles = m_profiles;
    profiles.removeIf([&id](const Profile &p) { return p.id == id; });
    auto saved = save(profiles);
    if (saved)
        NoticePreferences::forget(name);
    return saved;
}

Result<Profile> ProfileStore::clone(const QUuid &id)
{
    const Profile *original = profile(id);
    if (!original)
        return failure(Tr::tr("That cluster no longer exists."));
    Profile copy = *original;
    copy.id = QUuid::createUuid();
    copy.name = QStringLiteral("%1 (copy)").arg(original->name);
    return add(copy);
}

Result<> ProfileStore::rename(const QUuid &id, const QString &name)
{
    const Profile *original = profile(id);
    if (!original)
        return failure(Tr::tr("That cluster no longer exists."));
    if (name.trimmed().isEmpty())
        return failure(Tr::tr("A cluster needs a name."));
    Profile renamed = *original;
    renamed.name = name.trimmed();
    return update(renamed);
}

Result<> ProfileStore::exportTo(const QString &path, const QList<QUuid> &ids) const
{
    QList<Profile> chosen;
    for (const Profile &candidate : m_profiles) {
        if (ids.isEmpty() || ids.contains(candidate.id))
            chosen.append(candidate);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(Tr::tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    file.write(serialize(chosen));
    if (!file.commit())
        return failure(Tr::tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

Result<int> ProfileStore::importFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(Tr::tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    auto imported = parse(file.readAll(), QDir::toNativeSeparators(path));
    if (!imported)
        return std::unexpected(imported.error());
    QList<Profile> profiles = m_profiles;
    for (Profile profile : std::as_const(*imported)) {
        profile.id = QUuid::createUuid(); // an import never replaces an existing profile
        profile.name = uniqueName(profiles, profile.name);
        profiles.append(profile);
    }
    if (auto saved = save(profiles); !saved)
        return std::unexpected(saved.error());
    return int(imported->size());
}

QList<Profile> ProfileStore::suggestionsFromSshConfig(const sshcore::SshConfig &config)
{
    QList<Profile> suggestions;
    for (const QString &alias : config.concreteHosts()) {
        const sshcore::SshHostConfig host = config.resolve(alias);
        Profile profile;
        profile.id = QUuid::createUuid();
        profile.name = alias;
        profile.host = alias; // the alias, so that ~/.ssh/config keeps applying when connecting
        profile.port = host.port.value_or(22);
        profile.user = host.user;
        if (!host.identityFiles.isEmpty())
            profile.keyFile = host.identityFiles.first();
        profile.jumpHosts = host.proxyJump;
        suggestions.append(profile);
    }
    return suggestions;
}

} // namespace app
