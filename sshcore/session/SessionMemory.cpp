// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/session/SessionMemory.h"

#include <bit>
#include <cstdlib>
#include <cstring>

namespace sshcore::detail {

// Before every block: its size class, or -1 and its exact size for a block from the system. 16
// bytes, so that the block itself keeps malloc's alignment.
struct alignas(16) SessionMemory::Header
{
    std::size_t size;
    int sizeClass;
};

SessionMemory::SessionMemory(bool keep)
    : m_keep(keep)
{}

SessionMemory::~SessionMemory()
{
    for (auto &list : m_free) {
        for (void *header : list)
            std::free(header);
    }
}

int SessionMemory::classOf(std::size_t size)
{
    if (size > (std::size_t(1) << LargestClass))
        return -1;
    const int bits = size <= 1 ? 0 : int(std::bit_width(size - 1));
    return bits < SmallestClass ? SmallestClass : bits;
}

void *SessionMemory::allocate(std::size_t size)
{
    static_assert(sizeof(Header) == 16);
    if (!m_keep)
        return std::malloc(size);
    const int sizeClass = classOf(size);
    Header *header = nullptr;
    if (sizeClass >= 0 && !m_free[sizeClass - SmallestClass].empty()) {
        auto &list = m_free[sizeClass - SmallestClass];
        header = static_cast<Header *>(list.back());
        list.pop_back();
        m_kept -= header->size;
    } else {
        const std::size_t capacity = sizeClass >= 0 ? std::size_t(1) << sizeClass : size;
        header = static_cast<Header *>(std::malloc(sizeof(Header) + capacity));
        if (!header)
            return nullptr;
        header->size = capacity;
        header->sizeClass = sizeClass;
    }
    return header + 1;
}

void *SessionMemory::reallocate(void *block, std::size_t size)
{
    if (!m_keep)
        return std::realloc(block, size);
    if (!block)
        return allocate(size);
    const Header *header = static_cast<Header *>(block) - 1;
    if (size <= header->size && classOf(size) == header->sizeClass)
        return block;
    void *moved = allocate(size);
    if (!moved)
        return nullptr; // the old block stays valid, as with realloc
    std::memcpy(moved, block, std::min(size, header->size));
    release(block);
    return moved;
}

void SessionMemory::release(void *block)
{
    if (!m_keep) {
        std::free(block);
        return;
    }
    if (!block)
        return;
    auto *header = static_cast<Header *>(block) - 1;
    if (header->sizeClass < 0 || m_kept + header->size > KeptLimit) {
        std::free(header);
        return;
    }
    m_free[header->sizeClass - SmallestClass].push_back(header);
    m_kept += header->size;
}

} // namespace sshcore::detail
