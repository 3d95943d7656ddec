package cn.liftcare.identity;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface UserAccounts extends ListCrudRepository<UserAccount, UserId> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    long count();
}
