// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"
#include "sshcore/Result.h"

#include <QList>
#include <QString>

namespace app {

// A job script to start from: one of those shipped with clusterdesk, or one the user saved.
struct JobTemplate
{
    QString id; // "gpu" for shipped ones, the file name for the user's
    QString title;
    QString description;
    QString text;
    Profile::Scheduler scheduler = Profile::Scheduler::Slurm;
    bool isUsers = false;
    QString path; // the user's template file; empty for shipped ones
};

// The templates the job-script editor offers: clusterdesk's own (resources/templates) and the
// ones the user saved, one file each in a folder of their own.
class JobTemplates
{
public:
    // userFolder: where the user's templates live (made on the first save).
    explicit JobTemplates(QString userFolder);
    // The default folder: "templates" in the application's data folder.
    static QString defaultFolder();

    static QList<JobTemplate> shipped();
    // The user's templates, by title.
    QList<JobTemplate> saved() const;
    QList<JobTemplate> all() const;

    // Saves text as a template named title (replacing one of the same title); the file name is
    // made from the title, so any title works ("a/b: c?" included).
    sshcore::Result<JobTemplate> save(const QString &title, const QString &text) const;
    sshcore::Result<void> remove(const JobTemplate &userTemplate) const;

    static QString fileNameFor(const QString &title);

private:
    QString m_folder;
};

} // namespace app
