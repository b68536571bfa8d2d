// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

namespace app::gridengine {

// A small tree of an XML document as Grid Engine's qstat -xml prints it: elements with their
// attributes, text and children, in document order. Small documents only (a job, a job list).
struct XmlElement
{
    QString name;
    QString text; // trimmed; of elements without children
    QList<std::pair<QString, QString>> attributes;
    QList<XmlElement> children;

    QString attribute(QStringView attributeName) const;
    // The first child of that name; null when there is none.
    const XmlElement *child(QStringView childName) const;
    QString childText(QStringView childName) const;
    // The first element of that name anywhere below (depth first); null when there is none.
    const XmlElement *find(QStringView elementName) const;

    // The whole document (its root element), or why it is not well-formed.
    static sshcore::Result<XmlElement> read(QByteArrayView xml);
    // The root element's name alone: something that is not well-formed further on still says what
    // it is ("unknown_jobs"). Empty when there is no element at all.
    static QString rootName(QByteArrayView xml);
};

} // namespace app::gridengine
